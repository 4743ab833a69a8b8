namespace SecondOpinionBot.Handoff;

/// <summary>
/// Stable names of a case's answer fields: what "what do you know about me" lists (never the values) and what an
/// answer the bot could not understand is recorded as (<see cref="CaseDetails.NotKnown"/>).
/// </summary>
public static class CaseDetailsFields
{
    public const string Role = "role";
    public const string PatientFirstName = "patientFirstName";
    public const string Relationship = "relationship";
    public const string PatientAgrees = "patientAgrees";
    public const string Concern = "concern";
    public const string Proposed = "proposed";
    public const string PlannedDate = "plannedDate";
    public const string CurrentClinic = "currentClinic";
    public const string Reasons = "reasons";
    public const string Questions = "questions";
    public const string Records = "records";
    public const string Needs = "needs";
    public const string NeedsNote = "needsNote";
    public const string Urgency = "urgency";
    public const string ContactMethods = "contactMethods";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string ContactTimes = "contactTimes";
    public const string TeamQuestions = "teamQuestions";

    /// <summary>The fields that hold an answer, in journey order.</summary>
    public static IReadOnlyList<string> Filled(CaseDetails draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var fields = new List<string>();
        void Add(bool present, string name)
        {
            if (present)
            {
                fields.Add(name);
            }
        }

        Add(draft.Role is not null, Role);
        Add(!string.IsNullOrWhiteSpace(draft.PatientFirstName), PatientFirstName);
        Add(!string.IsNullOrWhiteSpace(draft.Relationship), Relationship);
        Add(draft.PatientAgrees is not null, PatientAgrees);
        Add(!string.IsNullOrWhiteSpace(draft.Concern), Concern);
        Add(!string.IsNullOrWhiteSpace(draft.Proposed), Proposed);
        Add(draft.PlannedDate is not null, PlannedDate);
        Add(!string.IsNullOrWhiteSpace(draft.CurrentClinic), CurrentClinic);
        Add(draft.Reasons.Count > 0, Reasons);
        Add(draft.Questions.Count > 0, Questions);
        Add(draft.Records.Count > 0, Records);
        Add(draft.Needs.Count > 0, Needs);
        Add(!string.IsNullOrWhiteSpace(draft.NeedsNote), NeedsNote);
        Add(draft.SymptomsChangingFast || draft.EmergencySignalled, Urgency);
        Add(draft.ContactMethods.Count > 0, ContactMethods);
        Add(!string.IsNullOrWhiteSpace(draft.Phone), Phone);
        Add(!string.IsNullOrWhiteSpace(draft.Email), Email);
        Add(!string.IsNullOrWhiteSpace(draft.ContactTimes), ContactTimes);
        Add(draft.TeamQuestions.Count > 0, TeamQuestions);
        return fields;
    }
}
