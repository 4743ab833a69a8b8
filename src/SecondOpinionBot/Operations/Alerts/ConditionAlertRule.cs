using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Operations.Alerts;

/// <summary>
/// A rule about a condition that holds for a while: one card when it is raised, again at most every
/// Operations:AlertRepeatInterval while it lasts, and one "cleared" card when it ends.
/// </summary>
public abstract class ConditionAlertRule(AlertState state, AlertPublisher publisher, IOptions<OperationsOptions> options, TimeProvider clock) : IOperationsWatcher
{
    protected abstract string Rule { get; }

    /// <summary>The card while the condition holds; null when it does not.</summary>
    protected abstract AlertCard? Raised(OperationsSnapshot snapshot);

    protected abstract AlertCard Cleared(OperationsSnapshot snapshot);

    protected OperationsOptions Settings => options.Value;

    public async Task ObserveAsync(OperationsSnapshot snapshot, CancellationToken cancellationToken)
    {
        var card = Raised(snapshot);
        var seen = await state.GetAsync(Rule, cancellationToken);
        var now = clock.GetUtcNow();
        if (card is not null)
        {
            var due = !seen.Active || seen.LastPostedAt is not { } last || now - last >= options.Value.AlertRepeatInterval;
            if (due && await state.TryMoveAsync(Rule, seen, new AlertStatus(now, seen.Watermark, true), cancellationToken))
            {
                await publisher.PublishAsync(card, cancellationToken);
            }
        }
        else if (seen.Active && await state.TryMoveAsync(Rule, seen, seen with { Active = false }, cancellationToken))
        {
            await publisher.PublishAsync(Cleared(snapshot), cancellationToken);
        }
    }
}

/// <summary>"outbox-stuck": the oldest post still waiting to go to Teams is older than Operations:OutboxAgeAlert.</summary>
public sealed class OutboxStuckAlertRule(AlertState state, AlertPublisher publisher, IOptions<OperationsOptions> options, TimeProvider clock)
    : ConditionAlertRule(state, publisher, options, clock)
{
    public const string RuleName = "outbox-stuck";

    protected override string Rule => RuleName;

    protected override AlertCard? Raised(OperationsSnapshot snapshot) =>
        snapshot.OldestPendingAge is { } age && age > Settings.OutboxAgeAlert
            ? new AlertCard(Rule, "Posts to Teams are not going out", [
                ("Waiting", snapshot.OutboxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Oldest waiting", AlertText.Duration(age)),
                ("Limit", AlertText.Duration(Settings.OutboxAgeAlert))],
                "New cases and updates are waiting to be posted to the care team's channels. Check /readyz (outbox-worker), the log lines " +
                "\"Outbox item … failed\" for the reason (throttling, credentials, network), and that Teams and the bot's Azure registration are up.")
            : null;

    protected override AlertCard Cleared(OperationsSnapshot snapshot) =>
        new(Rule, "Posts to Teams are going out again", [("Waiting", snapshot.OutboxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture))], "Nothing to do.", Cleared: true);
}

/// <summary>"unbound-queue": cases wait in a queue that no channel is bound to, so nobody is shown them.</summary>
public sealed class UnboundQueueAlertRule(AlertState state, AlertPublisher publisher, IOptions<OperationsOptions> options, TimeProvider clock)
    : ConditionAlertRule(state, publisher, options, clock)
{
    public const string RuleName = "unbound-queue";

    protected override string Rule => RuleName;

    protected override AlertCard? Raised(OperationsSnapshot snapshot) =>
        snapshot.WaitingInUnboundQueues.Count == 0
            ? null
            : new AlertCard(Rule, "Cases are waiting in a queue no channel is set up for",
                snapshot.WaitingInUnboundQueues.OrderBy(q => q.Key, StringComparer.Ordinal)
                    .Select(q => (q.Key, $"{q.Value} waiting")).ToList(),
                "Nobody sees these cases until the queue has a channel. In the team channel for each queue above, type " +
                string.Join(" or ", snapshot.WaitingInUnboundQueues.Keys.Order(StringComparer.Ordinal).Select(q => $"@SecondOpinionBot set queue {q}")) + ".");

    protected override AlertCard Cleared(OperationsSnapshot snapshot) =>
        new(Rule, "Every queue with waiting cases has a channel again", [("Queues", "all bound")], "Nothing to do.", Cleared: true);
}

internal static class AlertText
{
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{Math.Floor(span.TotalHours)} h {span.Minutes} min" : $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min";
}
