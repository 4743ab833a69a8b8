namespace SecondOpinionBot.Handoff;

/// <summary>
/// How a case can end. A fixed list, not a text box: the channel card never carries free text. Staff see the outcome
/// as <see cref="Outcome.StaffTitle"/> (staff.yaml) and the patient is told it in <see cref="Outcome.PatientWords"/>.
/// </summary>
public static class CaseOutcomes
{
    public sealed record Outcome(string Id, Content.MessageKey StaffTitle, Content.MessageKey PatientWords);

    public static IReadOnlyList<Outcome> All { get; } =
    [
        new("second-opinion-arranged", Content.StaffMessageKeys.OutcomesSecondOpinionArranged, Content.MessageKeys.HandoffOutcomesSecondOpinionArranged),
        new("records-gathered", Content.StaffMessageKeys.OutcomesRecordsGathered, Content.MessageKeys.HandoffOutcomesRecordsGathered),
        new("support-arranged", Content.StaffMessageKeys.OutcomesSupportArranged, Content.MessageKeys.HandoffOutcomesSupportArranged),
        new("referred-elsewhere", Content.StaffMessageKeys.OutcomesReferredElsewhere, Content.MessageKeys.HandoffOutcomesReferredElsewhere),
        new("could-not-reach", Content.StaffMessageKeys.OutcomesCouldNotReach, Content.MessageKeys.HandoffOutcomesCouldNotReach),
        new("no-longer-needed", Content.StaffMessageKeys.OutcomesNoLongerNeeded, Content.MessageKeys.HandoffOutcomesNoLongerNeeded),
    ];

    public static Outcome? Find(string? id) => All.FirstOrDefault(o => string.Equals(o.Id, id, StringComparison.Ordinal));
}
