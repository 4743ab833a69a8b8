using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Intake;

/// <summary>
/// Turns a confirmed draft into a case: route it, store it, then queue the staff handoff. The case is written before
/// the patient is told anything, so "sent" is never said about a case that does not exist.
/// </summary>
public sealed class CaseSubmission(ICaseStore cases, IHandoffService handoff, JourneyKit kit, IJourneyRecorder journeys)
{
    /// <summary>
    /// Stores the case (once: a retry after a failed handoff finds the case the draft already points to), records its
    /// reference on the draft, then queues the handoff, which is idempotent per case.
    /// </summary>
    public async Task<(CaseRecord Case, RoutingDecision Routing)> SubmitAsync(ITurnContext turn, IntakeDraft draft, CancellationToken cancellationToken)
    {
        var content = kit.Content(turn);
        var signals = draft.Records.Values.Any(s => s == RecordStatus.NeedHelp) ? new[] { RoutingSignal.RecordsNeedHelp } : [];
        var routing = content.Routing.Route(new RoutingInput(
            draft.Needs, signals, draft.PlannedDate, kit.UserToday(turn), draft.EmergencySignalled, draft.SymptomsChangingFast));
        var owner = PatientIdentity.From(turn.Activity).OwnerKey;
        var record = await ExistingAsync(draft, owner, cancellationToken);
        if (record is null)
        {
            var priority = routing.Priority == Content.CasePriority.Urgent ? Handoff.CasePriority.Urgent : Handoff.CasePriority.Routine;
            // Without its empty fields: the reference is kept encrypted for as long as the case (it reads back the same).
            var conversation = JsonConvert.SerializeObject(turn.Activity.GetConversationReference(), NoNulls);
            record = await cases.CreateAsync(new NewCase(
                owner,
                routing.Primary.Id,
                routing.AlsoRelevant.Count > 0 ? routing.AlsoRelevant[0].Id : null,
                priority,
                conversation,
                draft.ToCaseDetails(content.Culture),
                RequestKey(turn)), cancellationToken);
            await kit.UpdateAsync(turn, d => d.CaseReference = record.Reference, cancellationToken);
            journeys.CaseCreated(record);
        }

        await handoff.SubmitAsync(record, cancellationToken);
        // Once handed off the case keeps its own copy of the answers (CaseDetails, shown by "what do you know about me"
        // and the status); the draft keeps only what the next journey needs (the consent, the case it points to), so
        // the answers are not stored twice for as long as the user's state lives. Kept until the handoff is queued:
        // a retry after a failed one shows the same summary.
        await kit.UpdateAsync(turn, d =>
        {
            Flows.IntakeDialog.Reset(d);
            d.CaseReference = record.Reference;
        }, cancellationToken);
        await journeys.FinishedAsync(turn, JourneyOutcomes.Sent, cancellationToken);
        return (record, routing);
    }

    private static readonly JsonSerializerSettings NoNulls = new() { NullValueHandling = NullValueHandling.Ignore };

    // The confirming activity: if the turn is run again after a crash (its state was not committed), the case it
    // already made is found instead of a second one.
    // Kept as a hash (22 characters where the ids took about 80): it is only ever compared, for as long as the case.
    // A confirm made before this form and re-run after an upgrade is not recognised by it: the draft's case reference,
    // saved in the same turn, still finds that case unless the turn died in between.
    private static string? RequestKey(ITurnContext turn) =>
        string.IsNullOrEmpty(turn.Activity.Id)
            ? null
            : System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes($"{turn.Activity.ChannelId}/{turn.Activity.Conversation?.Id}/{turn.Activity.Id}")).AsSpan(0, 16));

    private async Task<CaseRecord?> ExistingAsync(IntakeDraft draft, string owner, CancellationToken cancellationToken) =>
        draft.CaseReference is { } reference && await cases.FindAsync(reference, cancellationToken) is { } found && found.OwnerKey == owner
            ? found
            : null;
}
