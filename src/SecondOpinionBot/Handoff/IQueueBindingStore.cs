namespace SecondOpinionBot.Handoff;

public interface IQueueBindingStore
{
    /// <summary>Binds the queue to the channel, replacing an earlier binding of the same queue.</summary>
    Task SaveAsync(QueueBinding binding, CancellationToken cancellationToken);

    Task<QueueBinding?> FindAsync(string queue, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueBinding>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>The queues bound to one channel (a channel may serve both).</summary>
    Task<IReadOnlyList<QueueBinding>> FindByChannelAsync(string teamId, string channelId, CancellationToken cancellationToken);
}
