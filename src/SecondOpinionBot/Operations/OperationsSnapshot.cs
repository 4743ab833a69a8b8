namespace SecondOpinionBot.Operations;

/// <summary>What the monitor saw in one pass: counts and ages only, no patient data.</summary>
public sealed record OperationsSnapshot(
    DateTimeOffset TakenAt,
    long ActiveConversations,
    long JourneysInProgress,
    long OutboxDepth,
    TimeSpan? OldestPendingAge,
    long DeadLetters,
    IReadOnlyDictionary<string, long> WaitingByQueue,
    IReadOnlyDictionary<string, long> OverdueByQueue,
    IReadOnlyDictionary<string, long> WaitingInUnboundQueues);

/// <summary>The last snapshot, for metric gauges (read on export, never a database call there).</summary>
public sealed class OperationsSnapshotHolder
{
    private OperationsSnapshot? _current;

    public OperationsSnapshot? Current => Volatile.Read(ref _current);

    public void Set(OperationsSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
