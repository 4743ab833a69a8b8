namespace SecondOpinionBot.Staff;

/// <summary>
/// How a case can end. A fixed list, not a text box: the channel card never carries free text, and the patient is told
/// the outcome in prepared words from the content (<see cref="Outcome.PatientWords"/> names the message).
/// </summary>
public static class StaffOutcomes
{
    public sealed record Outcome(string Id, string Title, Content.MessageKey PatientWords);

    public static IReadOnlyList<Outcome> All { get; } =
    [
        new("second-opinion-arranged", "Second opinion arranged", Content.MessageKeys.HandoffOutcomeSecondOpinionArranged),
        new("records-gathered", "Records gathered", Content.MessageKeys.HandoffOutcomeRecordsGathered),
        new("support-arranged", "Support arranged", Content.MessageKeys.HandoffOutcomeSupportArranged),
        new("referred-elsewhere", "Referred to another service", Content.MessageKeys.HandoffOutcomeReferredElsewhere),
        new("could-not-reach", "Could not reach the patient", Content.MessageKeys.HandoffOutcomeCouldNotReach),
        new("no-longer-needed", "Help no longer needed", Content.MessageKeys.HandoffOutcomeNoLongerNeeded),
    ];

    public static Outcome? Find(string? id) => All.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));
}
