using SecondOpinionBot.Intake;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Handoff;

/// <summary>What the patient is told when staff claim or resolve their case. Names are staff first names only.</summary>
public static class PatientMessages
{
    public static string Claimed(CaseRecord record, string staffName) =>
        $"{CardText.FirstName(staffName)}, {QueueNames.PersonPhrase(record.Queue)}, has your case {record.Reference} and will contact you {When(record)}{By(record.Details)}.";

    public static string Resolved(CaseRecord record, string staffName, string? outcomeId)
    {
        var outcome = StaffOutcomes.Find(outcomeId);
        var what = outcome is null ? "" : $": {outcome.PatientWords}";
        return $"{CardText.FirstName(staffName)} has finished working on your case {record.Reference}{what}. " +
            "If you need more help, just write to me here.";
    }

    internal static string When(CaseRecord record) =>
        record.Priority == CasePriority.Urgent ? "within one working day" : "within two working days";

    internal static string By(IntakeDraft details) =>
        details.ContactMethods.FirstOrDefault() is { } method && CardText.Label(method) is { Length: > 0 } label
            ? $" by {label.ToLowerInvariant()}"
            : "";
}
