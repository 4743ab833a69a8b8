namespace SecondOpinionBot.Handoff;

/// <summary>Sends a stored case to its queue's Teams channel.</summary>
public interface IHandoffService
{
    /// <summary>
    /// Queues the channel thread for the case (durably; the outbox worker posts it). Call after
    /// <see cref="ICaseStore.CreateAsync"/> and before telling the patient it was sent. Calling twice posts once.
    /// </summary>
    Task SubmitAsync(CaseRecord record, CancellationToken cancellationToken);
}
