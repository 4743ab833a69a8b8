namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// What happens when an item is given up, so people learn of it: the patient whose case never reached the team is told
/// to call (Handoff:FallbackPhone), and the case's queue channel gets a failed-delivery card. The card is skipped where
/// it could not arrive either (no channel, or the bot was removed from that team): the operations alert and the
/// <c>failed deliveries</c> command cover those. Nothing here carries patient data.
/// </summary>
public sealed class DeadLetterFollowUp(IOutbox outbox, ICaseStore cases, IQueueBindingStore bindings)
{
    public async Task OnDeadLetteredAsync(OutboxItem item, string reason, CancellationToken cancellationToken)
    {
        if (item.Kind is OutboxKind.FailedDeliveryCard or OutboxKind.ChannelNotice)
        {
            return; // About a channel itself; a card about it would go where it failed.
        }

        var record = await cases.FindAsync(item.Payload.Reference, cancellationToken);
        if (record is null)
        {
            return;
        }

        // Only while nobody has the case. One a person took meanwhile (claimed on the local staff page, or resolved)
        // did reach the team, and the patient was told who has it: "it did not reach our team" would be false.
        if (item.Kind == OutboxKind.CreateThread && record.Status is CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened)
        {
            await outbox.EnqueueAsync(OutboxKind.NotifyPatient, new OutboxPayload(record.Reference, Notice: PatientNotice.Undelivered), $"undelivered:{record.Reference}", cancellationToken);
        }

        var channelUnreachable = reason.EndsWith("forbidden-bot-removed", StringComparison.Ordinal)
            || (item.Kind == OutboxKind.CreateThread && reason.EndsWith("conversation-gone", StringComparison.Ordinal));
        if (channelUnreachable || await bindings.FindAsync(record.Queue, cancellationToken) is not { } binding)
        {
            return;
        }

        await outbox.EnqueueAsync(
            OutboxKind.FailedDeliveryCard,
            new OutboxPayload(record.Reference, Channel: new ChannelAddress(binding.ChannelId, binding.ServiceUrl, binding.TenantId), FailedKind: item.Kind, FailedReason: reason),
            $"failed-delivery:{item.Id}",
            cancellationToken);
    }
}
