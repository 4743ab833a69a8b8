namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>The durable list of posts still to make to Teams and to patients.</summary>
public interface IOutbox
{
    /// <summary>Adds an item due now. With a <paramref name="dedupeKey"/>, a second item with the same key is ignored.</summary>
    Task EnqueueAsync(OutboxKind kind, OutboxPayload payload, string? dedupeKey, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="batchSize"/> due items whose lease is free, counting an attempt on each.</summary>
    Task<IReadOnlyList<OutboxItem>> LeaseDueAsync(string owner, int batchSize, CancellationToken cancellationToken);

    Task CompleteAsync(long id, CancellationToken cancellationToken);

    Task RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken);

    Task DeadLetterAsync(long id, string owner, string reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Items neither done nor dead-lettered.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
