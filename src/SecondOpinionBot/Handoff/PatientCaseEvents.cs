using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// What the patient does after the handoff, made known to the team: a message, emergency words, "talk to a person",
/// a reopen, a withdrawal, an erasure. The thread gets a line that never quotes the patient; the assignee gets a
/// notice in their personal chat without health information; an urgent event outside the queue's hours also goes to
/// the after-hours contact. Everything goes through the outbox, so the patient's turn stays fast and nothing is lost.
/// </summary>
public sealed class PatientCaseEvents(
    ICaseStore cases, ICaseMessageStore messages, IOutbox outbox, QueueHours hours, IOptions<HandoffOptions> options, TimeProvider clock)
{
    public const int MaxPatientMessageLength = 2000;

    /// <summary>Stores what the patient wrote with the case and tells the team that something arrived.</summary>
    public async Task<CaseMessage> MessageAsync(CaseRecord record, string text, CancellationToken cancellationToken)
    {
        var trimmed = text.Trim();
        var message = await messages.AddAsync(record.Id, MessageDirection.FromPatient, "patient", "", trimmed.Length <= MaxPatientMessageLength ? trimmed : trimmed[..MaxPatientMessageLength], cancellationToken);
        await cases.AppendAuditAsync(record.Reference, "patient", "message-from-patient", $"message={message.Id}", cancellationToken);
        await ThreadLineAsync(record, "New message from the patient — open Details.", $"patient-message:{message.Id}", mention: false, cancellationToken);
        await NotifyAssigneeAsync(record, $"New message from the patient on case {record.Reference}. Open Details in the case's thread to read it.", $"patient-message:{message.Id}", cancellationToken);
        return message;
    }

    /// <summary>Emergency words after the case exists: the case becomes urgent and the thread is alerted, mentioning who has it.</summary>
    public async Task EmergencyAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var urgent = await cases.MarkUrgentAsync(record.Reference, cancellationToken) ?? record;
        await cases.AppendAuditAsync(record.Reference, "patient", "emergency-after-handoff", null, cancellationToken);
        var key = $"emergency:{record.Reference}:v{urgent.Version}";
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        var who = urgent.AssigneeUserId is null ? "the channel" : CardText.FirstName(urgent.AssigneeName);
        await ThreadLineAsync(urgent, $"Urgent: the patient used words that may mean an emergency. They were given emergency guidance. The case is now urgent. Open Details.", key, mention: true, cancellationToken);
        await NotifyAssigneeAsync(urgent, $"Urgent: the patient on case {record.Reference} used words that may mean an emergency. Open Details in the case's thread.", key, cancellationToken);
        if (!hours.IsOpenNow())
        {
            await EscalateAfterHoursAsync(urgent, key, cancellationToken);
        }
    }

    public async Task TalkToPersonAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var key = $"talk-to-person:{record.Reference}:{clock.GetUtcNow():yyyyMMddHHmm}";
        await cases.AppendAuditAsync(record.Reference, "patient", "asked-for-a-person", null, cancellationToken);
        await ThreadLineAsync(record, "The patient asked to talk to a person.", key, mention: true, cancellationToken);
        await NotifyAssigneeAsync(record, $"The patient on case {record.Reference} asked to talk to a person.", key, cancellationToken);
        if (record.Priority == CasePriority.Urgent && !hours.IsOpenNow())
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
        await ThreadLineAsync(reopened, "The patient asked to reopen this case. It is waiting for someone to claim it.", $"reopened:{record.Reference}:v{reopened.Version}", mention: true, cancellationToken);
        return reopened;
    }

    public async Task WithdrawnAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await ThreadLineAsync(record, "The patient withdrew this request. Nothing more is needed.", $"withdrawn:{record.Reference}", mention: true, cancellationToken);
    }

    /// <param name="before">The case as it was before the erasure (it is withdrawn now if it was open).</param>
    public async Task ErasedAsync(CaseRecord before, CancellationToken cancellationToken)
    {
        var text = CaseTransitions.IsOpen(before.Status)
            ? "The patient deleted their data. The case is withdrawn and its details are gone."
            : "The patient deleted their data. The case's details are gone.";
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(before.Reference), null, cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(before.Reference, Text: text), $"thread-line:erased:{before.Reference}", cancellationToken);
    }

    private Task ThreadLineAsync(CaseRecord record, string text, string key, bool mention, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: text, MentionAssignee: mention), $"thread-line:{key}", cancellationToken);

    private Task NotifyAssigneeAsync(CaseRecord record, string text, string key, CancellationToken cancellationToken) =>
        record.Status == CaseStatus.Claimed && record.AssigneeUserId is { } userId
            ? outbox.EnqueueAsync(OutboxKind.NotifyStaff, new OutboxPayload(record.Reference, Text: text, StaffUserId: userId), $"notify-staff:{key}", cancellationToken)
            : Task.CompletedTask;

    private async Task EscalateAfterHoursAsync(CaseRecord record, string key, CancellationToken cancellationToken)
    {
        await cases.AppendAuditAsync(record.Reference, "bot", "escalated-after-hours", null, cancellationToken);
        if (options.Value.AfterHoursContactUserId is { Length: > 0 } contact)
        {
            await outbox.EnqueueAsync(OutboxKind.NotifyStaff,
                new OutboxPayload(record.Reference, Text: $"After hours: case {record.Reference} ({QueueNames.Title(record.Queue)}) needs attention now. Open it in its thread.", StaffUserId: contact),
                $"notify-staff:after-hours:{key}", cancellationToken);
        }
    }
}
