using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;


namespace SecondOpinionBot.Staff;

/// <summary>Builds a case's channel card with the settings and the clock, so every place that shows one shows the same.</summary>
public sealed class StaffCards(IOptions<HandoffOptions> options, TimeProvider clock)
{
    /// <summary>The base card everyone sees (the one posted and updated in the thread).</summary>
    public StaffCaseCard For(CaseRecord record, string? note = null) =>
        new(record, clock.GetUtcNow(), note, options.Value.ShowFirstNameOnCard);

    /// <summary>The card for one viewer: the assignee's own view when <paramref name="viewerId"/> has the case, else the base card.</summary>
    public StaffCaseCard ForViewer(CaseRecord record, string? viewerId, string? note = null) =>
        new(record, clock.GetUtcNow(), note, options.Value.ShowFirstNameOnCard,
            ForAssignee: record.Status == CaseStatus.Claimed && viewerId is not null && record.AssigneeId == viewerId);
}
