using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Bot;
using SecondOpinionBot.Commands;

namespace SecondOpinionBot.Staff;

/// <summary>
/// Everything staff do with the bot: team-channel commands and card actions. The activity handler hands over team
/// messages, any message carrying a case-action payload (wherever it comes from), and adaptiveCard/action invokes.
/// </summary>
public sealed class StaffActivityHandler(StaffCaseActions actions, StaffCommands commands, StaffCards cards, Operations.Telemetry.BotMetrics metrics, StaffAuthorizer authorizer, StaffRoster roster, StaffText text, StaffCaseCommands caseCommands)
{
    private string MalformedAction => text.Of(StaffRefusal.MalformedAction);

    /// <summary>Handles the message if it belongs to staff; false leaves it to the patient journey.</summary>
    public async Task<bool> TryHandleMessageAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (CaseActionPayload.IsTagged(activity.Value))
        {
            await HandleSubmitAsync(turnContext, cancellationToken);
            return true;
        }

        if (ConversationScope.IsPatientConversation(activity))
        {
            return false;
        }

        await commands.HandleAsync(turnContext, cancellationToken);
        return true;
    }

    /// <summary>Action.Execute: answered in the invoke response with the card as it now is (or a refusal).</summary>
    public async Task<AdaptiveCardInvokeResponse> HandleCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var data = invokeValue.Action?.Data;
        var payload = CaseActionPayload.TryRead(data);
        var patientForgery = CaseActionPayload.IsTagged(data) && ConversationScope.IsPatientConversation(turnContext.Activity);
        if (payload is not null && CaseActionPayload.IsDialogVerb(payload.Verb) && !patientForgery)
        {
            return Message(MalformedAction);
        }

        if (payload is null && !patientForgery)
        {
            metrics.CardAction("unreadable", "malformed");
            return Message(MalformedAction);
        }

        var result = payload is not null && CaseActionPayload.IsChangeVerb(payload.Verb) && !patientForgery
            ? await caseCommands.CardChangeAsync(turnContext, payload, cancellationToken)
            : await RosterRefusalAsync(turnContext, payload, cancellationToken)
                ?? await actions.ExecuteAsync(turnContext.Activity, payload ?? CaseActionPayload.Unreadable(data), cancellationToken);
        metrics.CardAction(payload?.Verb ?? "unreadable", CardActionResult(result));
        if (result.Refusal is { } refusal)
        {
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = 403,
                Type = "application/vnd.microsoft.error",
                Value = new Error("Forbidden", text.Of(refusal)),
            };
        }

        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = StaffCaseCard.ContentType,
            Value = Dialogs.Cards.AdaptiveCard.SdkContent((await cards.ForViewerAsync(result.Case!, result.ViewerId, result.Note, cancellationToken)).Build()),
        };
    }

    /// <summary>Action.Submit (the fallback) arrives as a message; the thread card and line follow through the outbox.</summary>
    private async Task HandleSubmitAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var payload = CaseActionPayload.TryRead(activity.Value);
        if (payload is not null && CaseActionPayload.IsDialogVerb(payload.Verb) && !ConversationScope.IsPatientConversation(activity))
        {
            payload = null;
        }

        if (payload is null && !ConversationScope.IsPatientConversation(activity))
        {
            metrics.CardAction("unreadable", "malformed");
            await turnContext.SendActivityAsync(MalformedAction, cancellationToken: cancellationToken);
            return;
        }

        var result = payload is not null && CaseActionPayload.IsChangeVerb(payload.Verb) && !ConversationScope.IsPatientConversation(activity)
            ? await caseCommands.CardChangeAsync(turnContext, payload, cancellationToken)
            : await RosterRefusalAsync(turnContext, payload, cancellationToken)
                ?? await actions.ExecuteAsync(activity, payload ?? CaseActionPayload.Unreadable(activity.Value), cancellationToken);
        metrics.CardAction(payload?.Verb ?? "unreadable", CardActionResult(result));
        var reply = result.Refusal is { } refusal ? text.Of(refusal) : result.Note;
        if (reply is not null)
        {
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
    }

    /// <summary>For the card-action metric: "changed", "unchanged" (e.g. already claimed) or "refused:&lt;code&gt;".</summary>
    private static string CardActionResult(CaseActionResult result) =>
        result.Refusal is { } refusal ? "refused:" + refusal.Code : result.Changed ? "changed" : "unchanged";

    /// <summary>
    /// Every action that changes a case (claim, resolve, take over) asks the roster afresh that the person is still in
    /// the team, and the role table that their role may do it: someone removed from the team an hour ago cannot claim
    /// or close a patient's case on a cached answer. Only the automatic refresh, which changes nothing, skips it.
    /// </summary>
    private async Task<CaseActionResult?> RosterRefusalAsync(ITurnContext turn, CaseActionPayload? payload, CancellationToken cancellationToken)
    {
        if (payload is null || AbilityFor(payload.Verb) is not { } ability || authorizer.CheckChannel(turn.Activity).Origin is not { } origin)
        {
            return null;
        }

        var answer = await roster.CheckAsync(turn, origin.TeamId, fresh: true, cancellationToken);
        var refusal = answer switch
        {
            RosterAnswer.NotMember => StaffRefusal.NotTeamMember,
            RosterAnswer.Unavailable => StaffRefusal.RosterUnavailable,
            _ when !StaffRoles.Allows(authorizer.RoleOf(turn.Activity), ability) => StaffRefusal.NotTeamMember,
            _ => null,
        };
        return refusal is null ? null : await actions.RefuseAsync(turn.Activity, payload, refusal, cancellationToken);
    }

    private static StaffAbility? AbilityFor(string verb) => verb switch
    {
        CaseActionPayload.ClaimVerb => StaffAbility.Claim,
        CaseActionPayload.TakeOverVerb => StaffAbility.TakeOver,
        CaseActionPayload.ResolveVerb => StaffAbility.ResolveOwnCase,
        _ => null,
    };

    private static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = "application/vnd.microsoft.activity.message",
        Value = text,
    };
}
