using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// What the patient does after the handoff, made known to the team: a message, emergency words, "talk to a person",
/// a reopen, a withdrawal, an erasure. The thread gets a line that never quotes the patient; the assignee gets a
/// notice in their personal chat without health information; an urgent event outside the queue's hours also goes to
/// the after-hours contact. Everything goes through the outbox, so the patient's turn stays fast and nothing is lost.
/// </summary>
public sealed class PatientCaseEvents(
    ICaseStore cases, ICaseMessageStore messages, IOutbox outbox, QueueHours hours, IOptions<HandoffOptions> options, ContentCatalogs content, TimeProvider clock)
{
    // Staff wording (staff.yaml) is kept in the deployment's default language: staff read English labels.
    private string Words(MessageKey key, params ReadOnlySpan<(string Name, string Value)> values) => content.Default.Messages.Format(key, values);

    public const int MaxPatientMessageLength = 2000;

    /// <summary>Stores what the patient wrote with the case and tells the team that something arrived.</summary>
    public async Task<CaseMessage> MessageAsync(CaseRecord record, string text, CancellationToken cancellationToken)
    {
        var trimmed = text.Trim();
        var message = await messages.AddAsync(record.Id, MessageDirection.FromPatient, "patient", "", trimmed.Length <= MaxPatientMessageLength ? trimmed : trimmed[..MaxPatientMessageLength], cancellationToken);
        await cases.AppendAuditAsync(record.Reference, "patient", "message-from-patient", $"message={message.Id}", cancellationToken);
        await ThreadLineAsync(record, Words(StaffMessageKeys.EventsPatientMessageLine), $"patient-message:{message.Id}", mention: false, cancellationToken);
        await NotifyAssigneeAsync(record, Words(StaffMessageKeys.EventsPatientMessageNotice, ("reference", record.Reference)), $"patient-message:{message.Id}", cancellationToken);
        return message;
    }

    /// <summary>Emergency words after the case exists: the case becomes urgent and the thread is alerted, mentioning who has it.</summary>
    public async Task EmergencyAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var urgent = await cases.MarkUrgentAsync(record.Reference, cancellationToken) ?? record;
        await cases.AppendAuditAsync(record.Reference, "patient", "emergency-after-handoff", null, cancellationToken);
        var key = $"emergency:{record.Reference}:v{urgent.Version}";
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await ThreadLineAsync(urgent, Words(StaffMessageKeys.EventsEmergencyLine), key, mention: true, cancellationToken);
        await NotifyAssigneeAsync(urgent, Words(StaffMessageKeys.EventsEmergencyNotice, ("reference", record.Reference)), key, cancellationToken);
        if (!hours.IsOpenNow(urgent.Queue))
        {
            await EscalateAfterHoursAsync(urgent, key, cancellationToken);
        }
    }

    public async Task TalkToPersonAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var key = $"talk-to-person:{record.Reference}:{clock.GetUtcNow():yyyyMMddHHmm}";
        await cases.AppendAuditAsync(record.Reference, "patient", "asked-for-a-person", null, cancellationToken);
        await ThreadLineAsync(record, Words(StaffMessageKeys.EventsTalkToPersonLine), key, mention: true, cancellationToken);
        await NotifyAssigneeAsync(record, Words(StaffMessageKeys.EventsTalkToPersonNotice, ("reference", record.Reference)), key, cancellationToken);
        if (record.Priority == CasePriority.Urgent && !hours.IsOpenNow(record.Queue))
        {
            await EscalateAfterHoursAsync(record, key, cancellationToken);
        }
    }

    /// <summary>The patient wrote after the case was resolved and chose to reopen it: back to its queue, unclaimed.</summary>
    public async Task<CaseRecord?> ReopenAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var result = await cases.TryTransitionAsync(record.Reference, CaseStatus.Resolved, CaseStatus.Reopened, new CaseActor("patient", "The patient"), null, cancellationToken);
        if (!result.Succeeded || result.Current is not { } reopened)
        {
            return result.Current;
        }

        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await ThreadLineAsync(reopened, Words(StaffMessageKeys.EventsReopenedLine), $"reopened:{record.Reference}:v{reopened.Version}", mention: true, cancellationToken);
        return reopened;
    }

    public async Task WithdrawnAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await ThreadLineAsync(record, Words(StaffMessageKeys.EventsWithdrawnLine), $"withdrawn:{record.Reference}", mention: true, cancellationToken);
    }

    /// <param name="before">The case as it was before the erasure (it is withdrawn now if it was open).</param>
    public async Task ErasedAsync(CaseRecord before, CancellationToken cancellationToken)
    {
        var line = Words(CaseTransitions.IsOpen(before.Status) ? StaffMessageKeys.EventsErasedOpenLine : StaffMessageKeys.EventsErasedClosedLine);
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(before.Reference), null, cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(before.Reference, Text: line), $"thread-line:erased:{before.Reference}", cancellationToken);
    }

    private Task ThreadLineAsync(CaseRecord record, string line, string key, bool mention, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: line, MentionAssignee: mention), $"thread-line:{key}", cancellationToken);

    private Task NotifyAssigneeAsync(CaseRecord record, string notice, string key, CancellationToken cancellationToken) =>
        record.Status == CaseStatus.Claimed && record.AssigneeUserId is { } userId
            ? outbox.EnqueueAsync(OutboxKind.NotifyStaff, new OutboxPayload(record.Reference, Text: notice, StaffUserId: userId, StaffName: CardText.FirstName(record.AssigneeName)), $"notify-staff:{key}", cancellationToken)
            : Task.CompletedTask;

    private async Task EscalateAfterHoursAsync(CaseRecord record, string key, CancellationToken cancellationToken)
    {
        await cases.AppendAuditAsync(record.Reference, "bot", "escalated-after-hours", null, cancellationToken);
        if (options.Value.AfterHoursContactUserId is { Length: > 0 } contact)
        {
            await outbox.EnqueueAsync(OutboxKind.NotifyStaff,
                new OutboxPayload(record.Reference, Text: Words(StaffMessageKeys.EventsAfterHoursNotice, ("reference", record.Reference), ("queueName", QueueNames.Title(record.Queue, content.Default.Messages))), StaffUserId: contact),
                $"notify-staff:after-hours:{key}", cancellationToken);
        }
    }
}
