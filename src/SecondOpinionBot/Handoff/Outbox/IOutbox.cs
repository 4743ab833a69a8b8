namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>The durable list of posts still to make to Teams and to patients.</summary>
public interface IOutbox
{
    /// <summary>Adds an item due now. With a <paramref name="dedupeKey"/>, a second item with the same key is ignored.</summary>
    Task EnqueueAsync(OutboxKind kind, OutboxPayload payload, string? dedupeKey, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="batchSize"/> due items whose lease is free, counting an attempt on each. An item whose
    /// last send was started and never settled (its instance died mid-send) comes back with <see cref="OutboxItem.MaybeSentBefore"/>.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> LeaseDueAsync(string owner, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Records, before the post, that this owner is sending the item now; false when the lease was lost. Durable before
    /// the Connector is called, so a crash during or after the post is known afterwards.
    /// </summary>
    Task<bool> MarkSendingAsync(long id, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Frees the leases held by owners <paramref name="isGone"/> says have stopped, so their items are sent now rather
    /// than when the lease runs out. Returns how many items were freed.
    /// </summary>
    Task<int> ReleaseLeasesOfGoneOwnersAsync(Func<string, bool> isGone, CancellationToken cancellationToken);

    Task CompleteAsync(long id, CancellationToken cancellationToken);

    /// <param name="maybeSent">The failed send may still have reached the channel (a timeout, a gateway error): remembered for good.</param>
    Task RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string reason, bool maybeSent, CancellationToken cancellationToken);

    Task DeadLetterAsync(long id, string owner, string reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Items neither done nor dead-lettered.</summary>
    Task<int> CountPendingAsync(CancellationToken cancellationToken);
}
