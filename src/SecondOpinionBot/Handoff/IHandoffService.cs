namespace SecondOpinionBot.Handoff;

/// <summary>Sends a stored case to its queue's Teams channel.</summary>
public interface IHandoffService
{
    /// <summary>
    /// Queues the channel thread for the case (durably; the outbox worker posts it). Call after
    /// <see cref="ICaseStore.CreateAsync"/> and before telling the patient it was sent. Calling twice posts once.
    /// </summary>
    Task SubmitAsync(CaseRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Re-renders the case's channel card from the store, e.g. after the patient withdrew or erased their data.
    /// Harmless when the thread is not posted yet.
    /// </summary>
    Task RefreshStaffCardAsync(string reference, CancellationToken cancellationToken);
}
