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
public sealed class CaseSubmission(ICaseStore cases, IHandoffService handoff, JourneyKit kit)
{
    public async Task<(CaseRecord Case, RoutingDecision Routing)> SubmitAsync(ITurnContext turn, IntakeDraft draft, CancellationToken cancellationToken)
    {
        var content = kit.Content(turn);
        var signals = draft.Records.Values.Any(s => s == RecordStatus.NeedHelp) ? new[] { RoutingSignal.RecordsNeedHelp } : [];
        var routing = content.Routing.Route(new RoutingInput(
            draft.Needs, signals, draft.PlannedDate, kit.UserToday(turn), draft.EmergencySignalled, draft.SymptomsChangingFast));
        var priority = routing.Priority == Content.CasePriority.Urgent ? Handoff.CasePriority.Urgent : Handoff.CasePriority.Routine;
        var conversation = JsonConvert.SerializeObject(turn.Activity.GetConversationReference());
        var record = await cases.CreateAsync(new NewCase(
            PatientIdentity.From(turn.Activity).OwnerKey,
            routing.Primary.Id,
            routing.AlsoRelevant.Count > 0 ? routing.AlsoRelevant[0].Id : null,
            priority,
            conversation,
            draft), cancellationToken);
        await handoff.SubmitAsync(record, cancellationToken);
        return (record, routing);
    }
}
