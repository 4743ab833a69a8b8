using System.Globalization;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>What a staff member does on a case besides its status, shared by the Teams dialogs and the local staff page.</summary>
public sealed class StaffCaseWork(ICaseStore cases, ICaseMessageStore messages, IOutbox outbox, StaffText words, TimeProvider clock)
{
    /// <summary>A second identical Send within this window is a retry (Teams resends a dialog submit it thinks timed out).</summary>
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(2);

    public sealed record SendResult(string? Note, string? Problem);

    /// <summary>
    /// Stores the message with the case and queues it to the patient's own conversation (the outbox delivers it, to a
    /// web chat also while the patient is away). The caller has checked that <paramref name="actor"/> has the case.
    /// </summary>
    public async Task<SendResult> SendToPatientAsync(CaseRecord record, CaseActor actor, string? text, CancellationToken cancellationToken)
    {
        var message = text?.Trim() ?? "";
        if (message.Length == 0)
        {
            return new(null, words.Get(StaffMessageKeys.MessageWriteFirst));
        }

        if (message.Length > StaffDialogs.MaxMessageLength)
        {
            return new(null, words.Get(StaffMessageKeys.MessageTooLong, ("length", message.Length.ToString(CultureInfo.InvariantCulture)), ("max", StaffDialogs.MaxMessageLength.ToString(CultureInfo.InvariantCulture))));
        }

        if (record.PatientConversation is null)
        {
            return new(null, words.Of(StaffRefusal.PatientDataDeleted));
        }

        if (!CaseTransitions.IsOpen(record.Status))
        {
            return new(null, words.Get(StaffMessageKeys.MessageCaseClosed));
        }

        var history = await messages.ListAsync(record.Id, cancellationToken);
        var now = clock.GetUtcNow();
        if (history.LastOrDefault(m => m.Direction == MessageDirection.ToPatient && m.AuthorId == actor.Id) is { } last
            && last.Text == message && now - last.At < RepeatWindow)
        {
            return new(words.Get(StaffMessageKeys.MessageSent), null);
        }

        var stored = await messages.AddAsync(record.Id, MessageDirection.ToPatient, actor.Id, CardText.FirstName(actor.DisplayName), message, cancellationToken);
        await cases.AppendAuditAsync(record.Reference, actor.Id, "message-to-patient", $"message={stored.Id}", cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.MessagePatient, new OutboxPayload(record.Reference, MessageId: stored.Id), $"message-patient:{stored.Id}", cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: words.Get(StaffMessageKeys.MessageSentLine, ("name", words.Actor(actor.DisplayName)))), $"thread-line:{record.Reference}:message:{stored.Id}", cancellationToken);
        return new(words.Get(StaffMessageKeys.MessageSentKept), null);
    }
}
