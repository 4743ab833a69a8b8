using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake;

/// <summary>
/// The one mapping from the journey's draft to the case's own snapshot: used when the case is sent, and to show the
/// summary and prep sheet, so what the patient checks is exactly what the case will hold.
/// </summary>
public static class CaseDetailsFromDraft
{
    /// <param name="language">The language the patient is spoken to in now (<see cref="PatientLanguage"/>); the draft only keeps a chosen one.</param>
    public static CaseDetails ToCaseDetails(this IntakeDraft draft, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new CaseDetails
        {
            Format = CaseDetails.CurrentFormat,
            Role = draft.Role,
            PatientFirstName = draft.PatientFirstName,
            Relationship = draft.Relationship,
            PatientAgrees = draft.PatientAgrees,
            ProxyAuthority = draft.ProxyAuthority,
            Concern = draft.Concern,
            Proposed = draft.Proposed,
            PlannedDate = draft.PlannedDate,
            Situations = [.. draft.Situations],
            CurrentClinic = draft.CurrentClinic,
            Reasons = [.. draft.Reasons],
            Questions = [.. draft.Questions],
            Records = new Dictionary<string, RecordStatus>(draft.Records, StringComparer.Ordinal),
            Needs = [.. draft.Needs],
            NeedsNote = draft.NeedsNote,
            SymptomsChangingFast = draft.SymptomsChangingFast,
            EmergencySignalled = draft.EmergencySignalled,
            ContactMethods = [.. draft.ContactMethods],
            Phone = draft.Phone,
            Email = draft.Email,
            ContactTimes = draft.ContactTimes,
            TeamQuestions = [.. draft.TeamQuestions],
            NotKnown = [.. draft.NotKnown],
            Language = language ?? draft.Language,
        };
    }
}
