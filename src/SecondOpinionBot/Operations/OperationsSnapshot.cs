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
