namespace SecondOpinionBot.Handoff;

/// <summary>
/// How a case can end. A fixed list, not a text box: the channel card never carries free text, and the patient is told
/// the outcome in prepared words from the content (<see cref="Outcome.PatientWords"/> names the message).
/// </summary>
public static class CaseOutcomes
{
    public sealed record Outcome(string Id, string Title, Content.MessageKey PatientWords);

    public static IReadOnlyList<Outcome> All { get; } =
    [
        new("second-opinion-arranged", "Second opinion arranged", Content.MessageKeys.HandoffOutcomesSecondOpinionArranged),
        new("records-gathered", "Records gathered", Content.MessageKeys.HandoffOutcomesRecordsGathered),
        new("support-arranged", "Support arranged", Content.MessageKeys.HandoffOutcomesSupportArranged),
        new("referred-elsewhere", "Referred to another service", Content.MessageKeys.HandoffOutcomesReferredElsewhere),
        new("could-not-reach", "Could not reach the patient", Content.MessageKeys.HandoffOutcomesCouldNotReach),
        new("no-longer-needed", "Help no longer needed", Content.MessageKeys.HandoffOutcomesNoLongerNeeded),
    ];

    public static Outcome? Find(string? id) => All.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));
}
