using System.Globalization;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The team's daily work on a case beyond claim and resolve: assign to a colleague, unassign, transfer to the other
/// queue with a handover note, reopen, add an internal note. Shared by the channel commands, the card actions, the
/// Teams dialogs and the local staff page; the caller has checked that the person may act on the case's queue (and,
/// for an assignee, that they are in the team). Each change is one conditional write in the store, so a repeat or a
/// race has one effect; the card, thread lines and notices follow through the outbox.
/// </summary>
public sealed class StaffCaseChanges(
    ICaseStore cases, ICaseMessageStore messages, IQueueBindingStore bindings, IOutbox outbox, IPatientNotifier notifier, StaffText text, TimeProvider clock)
{
    public const int MaxNoteLength = 1000;

    /// <summary>A second identical note by the same person within this window is a retry, not a new note.</summary>
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(2);

    /// <param name="Note">What the person who asked reads (done, or why not).</param>
    public sealed record Result(CaseRecord? Case, string Note, bool Changed);

    public async Task<Result> AssignAsync(CaseRecord record, CaseActor by, CaseActor to, CancellationToken cancellationToken)
    {
        if (!CaseTransitions.IsOpen(record.Status))
        {
            return new(record, text.Get(StaffMessageKeys.WorkClosed), false);
        }

        var name = text.Actor(to.DisplayName);
        if (record.Status == CaseStatus.Claimed && record.AssigneeId == to.Id)
        {
            return new(record, text.Get(StaffMessageKeys.WorkAlreadyAssigned, ("name", name)), false);
        }

        var result = await cases.TryAssignAsync(record.Reference, record.Version, to with { DisplayName = name }, by, cancellationToken);
        if (!result.Succeeded || result.Current is not { } assigned)
        {
            return new(result.Current, text.Get(StaffMessageKeys.ActionsOutOfDate), false);
        }

        var key = $"{record.Reference}:v{assigned.Version}";
        await CardAndLineAsync(assigned, text.Get(StaffMessageKeys.WorkAssignedLine, ("by", by.DisplayName), ("name", name)), cancellationToken);
        await NotifyStaffAsync(assigned, to, text.Get(StaffMessageKeys.WorkAssignedNotice, ("by", by.DisplayName), ("reference", record.Reference)), $"assigned:{key}", cancellationToken);
        if (record.Status == CaseStatus.Claimed && record.AssigneeUserId is { Length: > 0 } previous && record.AssigneeId != to.Id)
        {
            await NotifyStaffAsync(assigned, new CaseActor(record.AssigneeId ?? "", CardText.FirstName(record.AssigneeName), previous),
                text.Get(StaffMessageKeys.WorkReassignedNotice, ("by", by.DisplayName), ("reference", record.Reference), ("name", name)), $"reassigned:{key}", cancellationToken);
        }

        await notifier.NotifyAsync(assigned, PatientNotice.Claimed, name, null, cancellationToken);
        return new(assigned, text.Get(StaffMessageKeys.WorkAssignedNote, ("name", name)), true);
    }

    /// <param name="mayUnassignAnyone">A queue lead or admin; a member may only hand back a case they have.</param>
    public async Task<Result> UnassignAsync(CaseRecord record, CaseActor by, bool mayUnassignAnyone, CancellationToken cancellationToken)
    {
        if (record.Status != CaseStatus.Claimed || record.AssigneeId is not { } assignee)
        {
            return new(record, text.Get(StaffMessageKeys.WorkNotClaimed), false);
        }

        if (assignee != by.Id && !mayUnassignAnyone)
        {
            return new(record, text.Get(StaffMessageKeys.WorkUnassignNotYours), false);
        }

        var result = await cases.TryUnassignAsync(record.Reference, assignee, by, cancellationToken);
        if (!result.Succeeded || result.Current is not { } unassigned)
        {
            return new(result.Current, text.Get(StaffMessageKeys.ActionsOutOfDate), false);
        }

        await CardAndLineAsync(unassigned, text.Get(StaffMessageKeys.WorkUnassignedLine, ("by", by.DisplayName)), cancellationToken);
        if (assignee != by.Id && record.AssigneeUserId is { Length: > 0 } previous)
        {
            await NotifyStaffAsync(unassigned, new CaseActor(assignee, CardText.FirstName(record.AssigneeName), previous),
                text.Get(StaffMessageKeys.WorkUnassignedNotice, ("by", by.DisplayName), ("reference", record.Reference)), $"unassigned:{record.Reference}:v{unassigned.Version}", cancellationToken);
        }

        return new(unassigned, text.Get(StaffMessageKeys.WorkUnassignedLine, ("by", by.DisplayName)), true);
    }

    /// <summary>The queue a case would be transferred to: the other one.</summary>
    public static string OtherQueue(string queue) => queue == QueueNames.SocialWork ? QueueNames.CareCoordination : QueueNames.SocialWork;

    /// <summary>
    /// To the other queue with a handover note (kept with the case, shown in Details, never in a channel): a new
    /// thread in that queue's channel, the old card saying where it went, the patient told who helps now.
    /// </summary>
    /// <param name="allowUnboundTarget">
    /// The local staff page, which lists every queue: the case moves to a queue with no Teams channel and is worked on
    /// the page (no thread is posted for it). Teams staff need the other team's channel set up first.
    /// </param>
    public async Task<Result> TransferAsync(CaseRecord record, CaseActor by, string? targetQueue, string? handoverNote, CancellationToken cancellationToken, bool allowUnboundTarget = false)
    {
        var target = targetQueue ?? OtherQueue(record.Queue);
        if (!CaseTransitions.IsOpen(record.Status))
        {
            return new(record, text.Get(StaffMessageKeys.WorkClosed), false);
        }

        if (target == record.Queue)
        {
            return new(record, text.Get(StaffMessageKeys.WorkTransferSameQueue), false);
        }

        var note = handoverNote?.Trim() ?? "";
        if (note.Length == 0)
        {
            return new(record, text.Get(StaffMessageKeys.WorkTransferNeedsNote, ("reference", record.Reference)), false);
        }

        if (note.Length > MaxNoteLength)
        {
            return new(record, TooLong(note), false);
        }

        var targetBound = await bindings.FindAsync(target, cancellationToken) is not null;
        if (!targetBound && !allowUnboundTarget)
        {
            return new(record, text.Get(StaffMessageKeys.WorkTransferUnbound, ("queueName", text.QueueInSentence(target)), ("queue", target)), false);
        }

        var result = await cases.TryTransferAsync(record.Reference, record.Version, target, by, cancellationToken);
        if (!result.Succeeded || result.Current is not { } moved)
        {
            return new(result.Current, text.Get(StaffMessageKeys.ActionsOutOfDate), false);
        }

        var stored = await messages.AddAsync(record.Id, MessageDirection.StaffNote, by.Id, CardText.FirstName(by.DisplayName), note, cancellationToken);
        await cases.AppendAuditAsync(record.Reference, by.Id, "note-added", $"note={stored.Id}; handover", cancellationToken);
        var key = $"{record.Reference}:v{moved.Version}";
        if (targetBound)
        {
            await outbox.EnqueueAsync(OutboxKind.CreateThread, new OutboxPayload(record.Reference), $"create-thread:{key}", cancellationToken);
        }

        // Updates the old thread's card (now a copy) to say where the case went.
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine,
            new OutboxPayload(record.Reference, Text: text.Get(StaffMessageKeys.WorkTransferredLine, ("by", by.DisplayName), ("queueName", text.QueueInSentence(target)))),
            $"thread-line:{key}", cancellationToken);
        if (record.Status == CaseStatus.Claimed && record.AssigneeUserId is { Length: > 0 } previous && record.AssigneeId != by.Id)
        {
            await NotifyStaffAsync(moved, new CaseActor(record.AssigneeId ?? "", CardText.FirstName(record.AssigneeName), previous),
                text.Get(StaffMessageKeys.WorkTransferredAwayLine, ("by", by.DisplayName), ("queueName", text.QueueInSentence(target))), $"transferred:{key}", cancellationToken);
        }

        await notifier.NotifyAsync(moved, PatientNotice.Transferred, by.DisplayName, null, cancellationToken);
        return new(moved, text.Get(StaffMessageKeys.WorkTransferredNote, ("queueName", text.QueueInSentence(target))), true);
    }

    /// <summary>A resolved case back in its queue, unclaimed (a withdrawn one stays closed: the patient chose that).</summary>
    public async Task<Result> ReopenAsync(CaseRecord record, CaseActor by, CancellationToken cancellationToken)
    {
        if (CaseTransitions.IsOpen(record.Status))
        {
            return new(record, text.Get(StaffMessageKeys.WorkAlreadyOpen), false);
        }

        if (record.Status == CaseStatus.Withdrawn || record.PatientConversation is null)
        {
            return new(record, text.Get(StaffMessageKeys.WorkCannotReopenWithdrawn), false);
        }

        var result = await cases.TryTransitionAsync(record.Reference, CaseStatus.Resolved, CaseStatus.Reopened, by, null, cancellationToken);
        if (!result.Succeeded || result.Current is not { } reopened)
        {
            return new(result.Current, text.Get(StaffMessageKeys.WorkAlreadyOpen), false);
        }

        await CardAndLineAsync(reopened, text.Get(StaffMessageKeys.WorkReopenedLine, ("by", by.DisplayName)), cancellationToken);
        return new(reopened, text.Get(StaffMessageKeys.WorkReopenedNote), true);
    }

    /// <summary>An internal note: stored with the case (encrypted like its messages), shown in Details; the thread hears only that there is one.</summary>
    public async Task<Result> AddNoteAsync(CaseRecord record, CaseActor by, string? note, CancellationToken cancellationToken)
    {
        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new(record, text.Get(StaffMessageKeys.WorkNoteEmpty, ("reference", record.Reference)), false);
        }

        if (trimmed.Length > MaxNoteLength)
        {
            return new(record, TooLong(trimmed), false);
        }

        if (record.PatientConversation is null && record.Details.Concern is null)
        {
            return new(record, text.Of(StaffRefusal.PatientDataDeleted), false);
        }

        var history = await messages.ListAsync(record.Id, cancellationToken);
        if (history.LastOrDefault(m => m.Direction == MessageDirection.StaffNote && m.AuthorId == by.Id) is { } last
            && last.Text == trimmed && clock.GetUtcNow() - last.At < RepeatWindow)
        {
            return new(record, text.Get(StaffMessageKeys.WorkNoteSaved), false);
        }

        var stored = await messages.AddAsync(record.Id, MessageDirection.StaffNote, by.Id, CardText.FirstName(by.DisplayName), trimmed, cancellationToken);
        await cases.AppendAuditAsync(record.Reference, by.Id, "note-added", $"note={stored.Id}", cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: text.Get(StaffMessageKeys.WorkNoteLine, ("by", by.DisplayName))),
            $"thread-line:{record.Reference}:note:{stored.Id}", cancellationToken);
        return new(record, text.Get(StaffMessageKeys.WorkNoteSaved), true);
    }

    private string TooLong(string note) => text.Get(StaffMessageKeys.WorkNoteTooLong,
        ("length", note.Length.ToString(CultureInfo.InvariantCulture)), ("max", MaxNoteLength.ToString(CultureInfo.InvariantCulture)));

    private async Task CardAndLineAsync(CaseRecord record, string line, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: line), $"thread-line:{record.Reference}:v{record.Version}", cancellationToken);
    }

    private Task NotifyStaffAsync(CaseRecord record, CaseActor who, string notice, string key, CancellationToken cancellationToken) =>
        who.TeamsUserId is { Length: > 0 } userId
            ? outbox.EnqueueAsync(OutboxKind.NotifyStaff, new OutboxPayload(record.Reference, Text: notice, StaffUserId: userId, StaffName: CardText.FirstName(who.DisplayName)), $"notify-staff:{key}", cancellationToken)
            : Task.CompletedTask;
}
