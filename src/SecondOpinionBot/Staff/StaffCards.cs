using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;


namespace SecondOpinionBot.Staff;

/// <summary>Builds a case's channel card with the settings and the clock, so every place that shows one shows the same.</summary>
public sealed class StaffCards(IOptions<HandoffOptions> options, ServiceLevels levels, StaffText words, TimeProvider clock)
{
    /// <summary>The base card everyone sees (the one posted and updated in the thread), with "Overdue by …" when it is.</summary>
    public async Task<StaffCaseCard> ForAsync(CaseRecord record, string? note = null, CancellationToken cancellationToken = default) =>
        new(record, clock.GetUtcNow(), words, note, options.Value.ShowFirstNameOnCard, Overdue: await OverdueAsync(record, cancellationToken));

    /// <summary>
    /// A card copy kept up to date: the full base card in the case's current channel, elsewhere (the thread it had
    /// before a transfer or a queue move) only where the case went, with no actions.
    /// </summary>
    public async Task<StaffCaseCard> ForCopyAsync(CaseRecord record, string conversationId, string currentChannelId, CancellationToken cancellationToken = default) =>
        conversationId.StartsWith(currentChannelId, StringComparison.Ordinal)
            ? await ForAsync(record, null, cancellationToken)
            : new(record, clock.GetUtcNow(), words, null, options.Value.ShowFirstNameOnCard, MovedAway: true);

    /// <summary>The card for one viewer: the assignee's own view when <paramref name="viewerId"/> has the case, else the base card.</summary>
    public async Task<StaffCaseCard> ForViewerAsync(CaseRecord record, string? viewerId, string? note = null, CancellationToken cancellationToken = default) =>
        new(record, clock.GetUtcNow(), words, note, options.Value.ShowFirstNameOnCard,
            ForAssignee: record.Status == CaseStatus.Claimed && viewerId is not null && record.AssigneeId == viewerId,
            Overdue: await OverdueAsync(record, cancellationToken));

    private async Task<string?> OverdueAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        if (!CaseTransitions.IsOpen(record.Status))
        {
            return null;
        }

        var level = await levels.ForAsync(record, clock.GetUtcNow(), cancellationToken);
        return level.IsOverdue ? levels.OverdueWords(level) : null;
    }
}
