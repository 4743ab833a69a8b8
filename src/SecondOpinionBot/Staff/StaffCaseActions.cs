using Microsoft.Bot.Schema;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// Claim, Resolve and Take over, for both Action.Execute and Action.Submit. Checks who is asking before anything else,
/// answers a repeat of what already happened (Teams retries an invoke it thinks timed out) with the card and no second
/// effect, answers an outdated card with the current state, and lets the store's conditional writes settle races. Only
/// the assignee resolves; a colleague takes over explicitly. After a change the channel card, a thread line and the
/// patient's notice are queued in the outbox, so the answer itself stays fast.
/// </summary>
public sealed partial class StaffCaseActions(
    ICaseStore cases, StaffAuthorizer authorizer, IOutbox outbox, IPatientNotifier notifier, StaffText text, ILogger<StaffCaseActions> logger)
{
    public async Task<CaseActionResult> ExecuteAsync(IActivity activity, CaseActionPayload payload, CancellationToken cancellationToken)
    {
        var record = await cases.FindAsync(payload.Reference, cancellationToken);
        var (origin, refusal) = record is null
            ? (null, Commands.ConversationScope.IsPatientConversation(activity) ? StaffRefusal.PatientConversation : StaffRefusal.UnknownCase)
            : await authorizer.CheckQueueAsync(activity, record.Queue, cancellationToken);
        if (origin is null || record is null)
        {
            await AuditRefusalAsync(activity, payload, refusal!, cancellationToken);
            return new CaseActionResult(null, null, refusal, false);
        }

        return await ActAsync(origin, record, payload, cancellationToken);
    }

    /// <summary>The action itself, for a person already authorised on the case's queue (Teams or the local staff page).</summary>
    public async Task<CaseActionResult> ActAsync(StaffOrigin origin, CaseRecord record, CaseActionPayload payload, CancellationToken cancellationToken)
    {
        var actor = new CaseActor(origin.UserId, text.Actor(origin.DisplayName), origin.TeamsUserId);
        if (payload.Verb == CaseActionPayload.RefreshVerb || AlreadyDoneBy(record, payload.Verb, actor))
        {
            return new CaseActionResult(record, null, null, false, actor.Id);
        }

        if (payload.CardVersion != record.Version)
        {
            return new CaseActionResult(record, CurrentStateNote(record), null, false, actor.Id);
        }

        var result = payload.Verb switch
        {
            CaseActionPayload.ClaimVerb => await ClaimAsync(record, actor, cancellationToken),
            CaseActionPayload.TakeOverVerb => await TakeOverAsync(record, actor, cancellationToken),
            _ => await ResolveAsync(record, actor, payload, cancellationToken),
        };
        return result with { ViewerId = actor.Id };
    }

    /// <summary>The same person asking for what they already did: a retry or a double click, answered without a second effect.</summary>
    private static bool AlreadyDoneBy(CaseRecord record, string verb, CaseActor actor) => verb switch
    {
        CaseActionPayload.ClaimVerb or CaseActionPayload.TakeOverVerb => record.Status == CaseStatus.Claimed && record.AssigneeId == actor.Id,
        CaseActionPayload.ResolveVerb => record.Status == CaseStatus.Resolved && record.ResolvedById == actor.Id,
        _ => false,
    };

    private async Task<CaseActionResult> ClaimAsync(CaseRecord record, CaseActor actor, CancellationToken cancellationToken)
    {
        if (record.Status is not (CaseStatus.New or CaseStatus.Transferred or CaseStatus.Reopened))
        {
            return new CaseActionResult(record, CurrentStateNote(record), null, false);
        }

        var result = await cases.TryTransitionAsync(record.Reference, record.Status, CaseStatus.Claimed, actor, null, cancellationToken);
        if (!result.Succeeded || result.Current is not { } claimed)
        {
            return new CaseActionResult(result.Current, result.Current is null ? null : CurrentStateNote(result.Current), null, false);
        }

        await AnnounceAsync(claimed, text.Get(StaffMessageKeys.ActionsClaimedLine, ("name", actor.DisplayName)), PatientNotice.Claimed, actor, cancellationToken);
        return new CaseActionResult(claimed, null, null, true);
    }

    private async Task<CaseActionResult> TakeOverAsync(CaseRecord record, CaseActor actor, CancellationToken cancellationToken)
    {
        if (record.Status != CaseStatus.Claimed || record.AssigneeId is not { } previousId)
        {
            return new CaseActionResult(record, CurrentStateNote(record), null, false);
        }

        var previous = CardText.FirstName(record.AssigneeName);
        var result = await cases.TryTakeOverAsync(record.Reference, previousId, actor, cancellationToken);
        if (!result.Succeeded || result.Current is not { } taken)
        {
            return new CaseActionResult(result.Current, result.Current is null ? null : CurrentStateNote(result.Current), null, false);
        }

        await AnnounceAsync(taken, text.Get(StaffMessageKeys.ActionsTookOverLine, ("name", actor.DisplayName), ("previous", previous)), PatientNotice.Claimed, actor, cancellationToken);
        if (record.AssigneeUserId is { Length: > 0 } previousUser)
        {
            // The previous assignee hears it in their personal chat, not only in a thread they may not be watching.
            await outbox.EnqueueAsync(OutboxKind.NotifyStaff,
                new OutboxPayload(record.Reference, Text: text.Get(StaffMessageKeys.ActionsTookOverNotice, ("name", actor.DisplayName), ("reference", record.Reference)), StaffUserId: previousUser, StaffName: previous),
                $"notify-staff:take-over:{record.Reference}:v{taken.Version}", cancellationToken);
        }

        return new CaseActionResult(taken, text.Get(StaffMessageKeys.ActionsTookOverNote, ("previous", previous)), null, true);
    }

    private async Task<CaseActionResult> ResolveAsync(CaseRecord record, CaseActor actor, CaseActionPayload payload, CancellationToken cancellationToken)
    {
        if (record.Status != CaseStatus.Claimed)
        {
            return new CaseActionResult(record, CurrentStateNote(record), null, false);
        }

        if (record.AssigneeId != actor.Id)
        {
            LogRefused(StaffRefusal.NotAssignee.Code, payload.Verb, "staff");
            await cases.AppendAuditAsync(record.Reference, actor.Id, "staff-action-refused", $"{StaffRefusal.NotAssignee.Code}; verb={payload.Verb}", cancellationToken);
            var assignee = CardText.FirstName(record.AssigneeName);
            return new CaseActionResult(record, text.Get(StaffMessageKeys.ActionsOnlyAssigneeResolves, ("assignee", assignee)), null, false);
        }

        var outcomeId = payload.Outcome;
        if (CaseOutcomes.Find(outcomeId) is not { } outcome)
        {
            return new CaseActionResult(record, text.Get(StaffMessageKeys.ActionsChooseOutcome), null, false);
        }

        var result = await cases.TryTransitionAsync(record.Reference, CaseStatus.Claimed, CaseStatus.Resolved, actor, outcome.Id, cancellationToken);
        if (!result.Succeeded || result.Current is not { } resolved)
        {
            return new CaseActionResult(result.Current, result.Current is null ? null : CurrentStateNote(result.Current), null, false);
        }

        await AnnounceAsync(resolved, text.Get(StaffMessageKeys.ActionsResolvedLine, ("name", actor.DisplayName), ("outcome", text.Get(outcome.StaffTitle))), PatientNotice.Resolved, actor, cancellationToken);
        return new CaseActionResult(resolved, null, null, true);
    }

    /// <summary>The case is already changed in the store; these posts follow it through the outbox.</summary>
    private async Task AnnounceAsync(CaseRecord record, string line, PatientNotice notice, CaseActor actor, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: line), $"thread-line:{record.Reference}:v{record.Version}", cancellationToken);
        await notifier.NotifyAsync(record, notice, actor.DisplayName, record.Outcome, cancellationToken);
    }

    private string CurrentStateNote(CaseRecord record) => record.Status switch
    {
        CaseStatus.Claimed => text.Get(StaffMessageKeys.ActionsAlreadyClaimed, ("name", CardText.FirstName(record.AssigneeName))),
        CaseStatus.Resolved => text.Get(StaffMessageKeys.ActionsAlreadyResolved, ("name", CardText.FirstName(record.ResolvedByName ?? record.AssigneeName))),
        CaseStatus.Withdrawn => text.Get(StaffMessageKeys.ActionsWithdrawn),
        _ => text.Get(StaffMessageKeys.ActionsOutOfDate),
    };

    /// <summary>A refusal decided before the action (roster, role): audited like the others.</summary>
    public async Task<CaseActionResult> RefuseAsync(IActivity activity, CaseActionPayload payload, StaffRefusal refusal, CancellationToken cancellationToken)
    {
        await AuditRefusalAsync(activity, payload, refusal, cancellationToken);
        return new CaseActionResult(null, null, refusal, false);
    }

    private async Task AuditRefusalAsync(IActivity activity, CaseActionPayload payload, StaffRefusal refusal, CancellationToken cancellationToken)
    {
        LogRefused(refusal.Code, payload.Verb, activity.ChannelId);
        var actor = $"{activity.ChannelId}:{activity.From?.AadObjectId ?? activity.From?.Id}";
        var reference = payload.Reference.Length <= 16 ? payload.Reference : payload.Reference[..16];
        await cases.AppendAuditAsync(reference, actor, "staff-action-refused", $"{refusal.Code}; verb={payload.Verb}", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a staff card action ({Code}, {Verb}) from channel {ChannelId}.")]
    private partial void LogRefused(string code, string verb, string channelId);
}
