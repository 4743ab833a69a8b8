namespace SecondOpinionBot.Handoff;

public interface IQueueBindingStore
{
    /// <summary>Binds the queue to the channel, replacing an earlier binding of the same queue.</summary>
    Task SaveAsync(QueueBinding binding, CancellationToken cancellationToken);

    Task<QueueBinding?> FindAsync(string queue, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueBinding>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// "move queue X" in the bound channel: until <paramref name="expiresAt"/> another channel may take the queue with
    /// "set queue X". A second request replaces the first.
    /// </summary>
    Task AllowMoveAsync(string queue, string requestedBy, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Uses up the queue's move permit if one is still valid at <paramref name="now"/>; only one caller gets true.</summary>
    Task<bool> TakeMoveAsync(string queue, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The queues bound to one channel (a channel may serve both).</summary>
    Task<IReadOnlyList<QueueBinding>> FindByChannelAsync(string teamId, string channelId, CancellationToken cancellationToken);
}
