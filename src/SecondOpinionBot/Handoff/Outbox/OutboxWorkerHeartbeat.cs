namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// The outbox worker's sign of life: it beats before every pass and every batch, so readiness can tell a worker that
/// stopped or hangs (e.g. on a connector call that never returns) from one that is only idle.
/// </summary>
public sealed class OutboxWorkerHeartbeat(TimeProvider clock)
{
    private long _lastBeatTicks;
    private volatile bool _disabled;
    private volatile bool _stopped;

    public DateTimeOffset? LastBeat => Interlocked.Read(ref _lastBeatTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public bool Disabled => _disabled;

    public bool Stopped => _stopped;

    public void Beat() => Interlocked.Exchange(ref _lastBeatTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>Handoff:Outbox:RunWorker is off on this instance.</summary>
    public void MarkDisabled() => _disabled = true;

    /// <summary>The worker's loop has ended (the host is stopping, or it failed).</summary>
    public void MarkStopped() => _stopped = true;
}
