using SecondOpinionBot.Handoff.Outbox;

namespace SecondOpinionBot.Handoff;

public sealed class HandoffService(IOutbox outbox) : IHandoffService
{
    public Task SubmitAsync(CaseRecord record, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(OutboxKind.CreateThread, new OutboxPayload(record.Reference), $"create-thread:{record.Reference}", cancellationToken);

    public Task RefreshStaffCardAsync(string reference, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(reference.ToUpperInvariant()), null, cancellationToken);
}
