namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// Sends one outbox item. The outbox only queues, leases and retries; how an item reaches Teams or a patient's chat
/// (cards, mentions, the adapter, local Direct Line) is the Bot layer's (Bot/Delivery), so the case workflow does not
/// depend on the staff cards or the adapter. Connector errors are thrown and sorted by <see cref="OutboxProcessor"/>.
/// </summary>
public interface IOutboxDelivery
{
    Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken);
}
