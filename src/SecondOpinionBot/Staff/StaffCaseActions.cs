using Microsoft.Bot.Schema;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;

namespace SecondOpinionBot.Staff;

/// <summary>
/// Claim and Resolve, for both Action.Execute and Action.Submit. Checks who is asking before anything else, answers
/// an outdated card with the current state, and lets the store's conditional write settle races. After a change the
/// channel card, a thread line and the patient's notice are queued in the outbox.
/// </summary>
public sealed partial class StaffCaseActions(
    ICaseStore cases, StaffAuthorizer authorizer, IOutbox outbox, IPatientNotifier notifier, ILogger<StaffCaseActions> logger)
{
    public async Task<CaseActionResult> ExecuteAsync(IActivity activity, CaseActionPayload payload, CancellationToken cancellationToken)
    {
        var record = await cases.FindAsync(payload.Reference, cancellationToken);
        var (origin, refusal) = record is null
            ? (null, Bot.ConversationScope.IsPatientConversation(activity) ? StaffRefusal.PatientConversation : StaffRefusal.UnknownCase)
            : await authorizer.CheckQueueAsync(activity, record.Queue, cancellationToken);
        if (origin is null || record is null)
        {
            await AuditRefusalAsync(activity, payload, refusal!, cancellationToken);
            return new CaseActionResult(null, null, refusal, false);
        }

        if (payload.CardVersion != record.Version)
        {
            return new CaseActionResult(record, CurrentStateNote(record), null, false);
        }

        var actor = new CaseActor(origin.UserId, origin.DisplayName.Length > 0 ? origin.DisplayName : "A colleague");
        return payload.Verb == CaseActionPayload.ClaimVerb
            ? await ClaimAsync(record, actor, cancellationToken)
            : await ResolveAsync(record, actor, payload.Outcome, cancellationToken);
    }

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

        await AnnounceAsync(claimed, $"{actor.DisplayName} claimed this case.", PatientNotice.Claimed, actor, cancellationToken);
        return new CaseActionResult(claimed, null, null, true);
    }

    private async Task<CaseActionResult> ResolveAsync(CaseRecord record, CaseActor actor, string? outcomeId, CancellationToken cancellationToken)
    {
        if (record.Status != CaseStatus.Claimed)
        {
            return new CaseActionResult(record, CurrentStateNote(record), null, false);
        }

        if (StaffOutcomes.Find(outcomeId) is not { } outcome)
        {
            return new CaseActionResult(record, "Choose an outcome, then press Resolve.", null, false);
        }

        var result = await cases.TryTransitionAsync(record.Reference, CaseStatus.Claimed, CaseStatus.Resolved, actor, outcome.Id, cancellationToken);
        if (!result.Succeeded || result.Current is not { } resolved)
        {
            return new CaseActionResult(result.Current, result.Current is null ? null : CurrentStateNote(result.Current), null, false);
        }

        await AnnounceAsync(resolved, $"{actor.DisplayName} resolved this case: {outcome.Title}.", PatientNotice.Resolved, actor, cancellationToken);
        return new CaseActionResult(resolved, null, null, true);
    }

    /// <summary>The case is already changed in the store; these posts follow it through the outbox.</summary>
    private async Task AnnounceAsync(CaseRecord record, string line, PatientNotice notice, CaseActor actor, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: line), $"thread-line:{record.Reference}:v{record.Version}", cancellationToken);
        await notifier.NotifyAsync(record, notice, actor.DisplayName, record.Outcome, cancellationToken);
    }

    private static string CurrentStateNote(CaseRecord record) => record.Status switch
    {
        CaseStatus.Claimed => $"{CardText.FirstName(record.AssigneeName)} has this case already.",
        CaseStatus.Resolved => $"{CardText.FirstName(record.AssigneeName)} resolved this case already.",
        CaseStatus.Withdrawn => "The patient withdrew this case.",
        _ => "This card was out of date. Here is the case as it is now.",
    };

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
