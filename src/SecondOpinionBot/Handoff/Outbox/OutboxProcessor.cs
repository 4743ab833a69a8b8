using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// One pass over the outbox: lease due items, send each, then mark it done, schedule a retry with backoff (or at the
/// time a 429 asked for), or move it to the dead-letter list with one alert line.
/// Delivery is at least once: an instance that stops after the Connector accepted a post but before the item is marked
/// done leaves it leased; when the lease expires another pass sends it again. For card updates that is harmless (same
/// card). A new thread cannot be made idempotent (the Connector takes no key for it), so its attempt is recorded before
/// the post (<see cref="IOutbox.MarkSendingAsync"/>): creating a thread first checks the case for an already stored card,
/// which covers every crash after the activity id was saved, and when a crash (or an unanswered post) leaves it unknown
/// whether the earlier post happened, the new card says it may also have been posted earlier instead of staying silent.
/// </summary>
public sealed partial class OutboxProcessor(
    IOutbox outbox, IOutboxDelivery delivery, DeadLetterFollowUp followUp, IOptions<HandoffOptions> options, TimeProvider clock, Operations.Telemetry.BotMetrics metrics, ILogger<OutboxProcessor> logger)
{
    private readonly string _owner = Storage.ProcessInstance.NewId();

    /// <summary>Processes the items due now; returns how many were taken. Tests call this to drain deterministically.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value.Outbox;
        // A restarted instance on the same machine takes over what its crashed predecessor had leased at once.
        await outbox.ReleaseLeasesOfGoneOwnersAsync(owner => owner != _owner && Storage.ProcessInstance.IsSurelyGone(owner), cancellationToken);
        var items = await outbox.LeaseDueAsync(_owner, settings.BatchSize, cancellationToken);
        foreach (var item in items)
        {
            if (item.Kind == OutboxKind.CreateThread && !await outbox.MarkSendingAsync(item.Id, _owner, cancellationToken))
            {
                continue; // The lease ran out before we started: another pass owns it now.
            }

            using var span = Operations.Telemetry.BotTelemetry.StartOutboxSend(item.Kind.ToName(), item.Attempts);
            DeliveryResult result;
            try
            {
                result = await delivery.SendAsync(item, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                result = ConnectorFailure.Classify(ex);
            }

            await SettleAsync(item, result, settings, cancellationToken);
        }

        return items.Count;
    }

    /// <summary>Runs passes until nothing is due (for tests and shutdown drains).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (await RunOnceAsync(cancellationToken) > 0)
        {
        }
    }

    private async Task SettleAsync(OutboxItem item, DeliveryResult result, OutboxOptions settings, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                metrics.Delivery(item.Kind.ToName(), Operations.Telemetry.DeliveryResults.Sent, null);
                await outbox.CompleteAsync(item.Id, cancellationToken);
                break;
            case DeliveryOutcome.RetryLater when item.Attempts < settings.MaxAttempts:
                // A channel's Retry-After is honoured up to MaxDelay: one 429 asking for an hour must not hold an urgent card that long.
                var delay = Min(result.RetryAfter ?? Backoff(item.Attempts, settings), settings.MaxDelay);
                metrics.Delivery(item.Kind.ToName(), Operations.Telemetry.DeliveryResults.Retry, result.Reason);
                LogRetry(item.Id, item.Kind, item.Attempts, result.Reason, delay);
                await outbox.RetryLaterAsync(item.Id, _owner, clock.GetUtcNow() + delay, result.Reason ?? "retry", result.MaybeSent, cancellationToken);
                break;
            default:
                var reason = result.Outcome == DeliveryOutcome.Permanent ? result.Reason ?? "permanent" : $"attempts-exhausted:{result.Reason}";
                metrics.Delivery(item.Kind.ToName(), Operations.Telemetry.DeliveryResults.DeadLetter, reason);
                LogDeadLetter(item.Id, item.Kind, item.Payload.Reference, reason, item.Attempts);
                await outbox.DeadLetterAsync(item.Id, _owner, reason, cancellationToken);
                await followUp.OnDeadLetteredAsync(item, reason, cancellationToken);
                break;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Exponential backoff with ±20 % jitter, capped, so instances that failed together do not retry together.</summary>
    internal static TimeSpan Backoff(int attempts, OutboxOptions settings)
    {
        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox item {ItemId} ({Kind}) failed on attempt {Attempts} ({Reason}); retrying in {Delay}.")]
    private partial void LogRetry(long itemId, OutboxKind kind, int attempts, string? reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Critical, Message = "ALERT outbox dead letter: item {ItemId} ({Kind}) for case {Reference} will not be retried: {Reason} after {Attempts} attempt(s).")]
    private partial void LogDeadLetter(long itemId, OutboxKind kind, string reference, string reason, int attempts);
}
