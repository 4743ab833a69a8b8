using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Intake.Flows;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Intake;

/// <summary>
/// What the patient can say at any moment. Emergency guidance goes out before anything else and pauses the journey
/// until the user says so; help and status answer and re-ask; cancel and delete ask first.
/// </summary>
public sealed class JourneyInterruptions(
    JourneyKit kit, EmergencyMessageBuilder emergency, EmergencyPause pause, CaseStatusReply status, IPatientDataEraser eraser, Operations.Telemetry.BotMetrics metrics,
    AsideHandler asides, IOptions<PrepSheets.PrepSheetOptions> links, OpenCaseRouter openCase, Handoff.PatientCaseEvents caseEvents,
    PatientLanguage language) : IInterruptionHandler
{
    public async Task<InterruptionOutcome> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        var turn = context.TurnContext;
        switch (context.Interruption.Kind)
        {
            case InterruptionKind.Emergency:
                var message = emergency.Build(context.Interruption, Dialogs.Language.TurnLanguage.LocaleOf(turn));
                await turn.SendActivityAsync(Dialogs.StandAloneMessages.Text(message.Guidance), cancellationToken);
                metrics.EmergencyDetected(context.Interruption.Detail);
                await MarkEmergencyAsync(turn, cancellationToken);
                if (await openCase.LatestCaseAsync(turn, cancellationToken) is { } open && Handoff.CaseTransitions.IsOpen(open.Status))
                {
                    await caseEvents.EmergencyAsync(open, cancellationToken);
                }

                if (context.HasActiveDialog)
                {
                    await turn.SendActivityAsync(message.ResumeHint, cancellationToken: cancellationToken);
                    await pause.SetAsync(turn, true, cancellationToken);
                }

                return InterruptionOutcome.Handled;
            case InterruptionKind.SafetyNote:
                // Self-harm mentioned but denied ("I'm not suicidal, just scared"): one gentle line, and the words
                // are still the answer to the question on screen.
                await turn.SendActivityAsync(Dialogs.StandAloneMessages.Text(emergency.Build(context.Interruption, Dialogs.Language.TurnLanguage.LocaleOf(turn)).Guidance), cancellationToken);
                metrics.EmergencyDetected(context.Interruption.Detail);
                return InterruptionOutcome.ContinueDialog;
            case InterruptionKind.Help when context.Interruption.Detail?.StartsWith(GlossaryRecognizer.DetailPrefix, StringComparison.Ordinal) == true:
                var word = context.Interruption.Detail[GlossaryRecognizer.DetailPrefix.Length..];
                var entry = kit.Content(turn).Glossary.First(g => g.Term == word);
                await turn.SendActivityAsync(kit.Say(turn, MessageKeys.GlossaryExplain, ("term", entry.Term), ("explanation", entry.Explanation)), cancellationToken: cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Help when context.Interruption.Detail?.StartsWith(FaqRecognizer.DetailPrefix, StringComparison.Ordinal) == true:
                // At "a question of your own" a question is the answer, even one the FAQ knows.
                if (context.Dialogs.HasDialog(QuestionsDialog.OwnId))
                {
                    return InterruptionOutcome.ContinueDialog;
                }

                var faq = kit.Content(turn).Faq.First(f => f.Id == context.Interruption.Detail[FaqRecognizer.DetailPrefix.Length..]);
                await turn.SendActivityAsync(kit.Say(turn, MessageKeys.FaqAnswer, ("answer", faq.Answer)), cancellationToken: cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Help when context.Interruption.Detail is CommandDetails.Terms or CommandDetails.Privacy:
                var terms = context.Interruption.Detail == CommandDetails.Terms;
                var link = $"{links.Value.PublicBaseUrl?.TrimEnd('/')}/{(terms ? "terms" : "privacy")}";
                await turn.SendActivityAsync(kit.Say(turn, terms ? MessageKeys.CommandsTerms : MessageKeys.CommandsPrivacy, ("link", link)), cancellationToken: cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Back:
                // The previous question comes back as it was asked; its answer is replaced when it is answered again.
                var wentBack = context.Dialogs.TryGoBack();
                await turn.SendActivityAsync(kit.Say(turn, wentBack ? MessageKeys.CommandsBack : MessageKeys.CommandsBackNone), cancellationToken: cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Language when context.Interruption.Detail is { } chosen:
                // Kept for every later turn; this turn goes on in it, and the question on screen is asked again in it.
                var wasSpoken = kit.Content(turn).Culture;
                context.Dialogs.SwitchLanguage(await language.KeepAsync(turn, chosen, cancellationToken));
                if (kit.Content(turn).Culture != wasSpoken || !context.HasActiveDialog)
                {
                    await turn.SendActivityAsync(kit.Say(turn, MessageKeys.LanguageSwitched), cancellationToken: cancellationToken);
                }

                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Aside:
                return await asides.HandleAsync(context, cancellationToken);
            case InterruptionKind.Help:
                var help = kit.Say(turn, MessageKeys.CommandsHelp);
                await turn.SendActivityAsync(context.HasActiveDialog ? help + "\n\n" + kit.Say(turn, MessageKeys.CommandsHelpResume) : help, cancellationToken: cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.TalkToPerson:
                return await BeginOnceAsync(context, TalkToPersonDialog.Id, null, cancellationToken);
            case InterruptionKind.Status:
                await turn.SendActivityAsync(await status.DescribeAsync(turn, cancellationToken), cancellationToken: cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.WhatDoYouKnow:
                var items = await eraser.DescribeAsync(PatientIdentity.From(turn.Activity), cancellationToken);
                await turn.SendActivityAsync(StoredDataText.Render(items, kit.Content(turn).StoredDataWording()), cancellationToken: cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Cancel:
                var request = new ConfirmCancelDialog.Request { StartOver = context.Interruption.Detail == CommandDetails.StartOver };
                return await BeginOnceAsync(context, ConfirmCancelDialog.Id, Dialogs.DialogJson.ToNode(request), cancellationToken);
            case InterruptionKind.DeleteMyData:
                return await BeginOnceAsync(context, ConfirmDeleteDialog.Id, null, cancellationToken);
            default:
                return InterruptionOutcome.ContinueDialog;
        }
    }

    private static async Task<InterruptionOutcome> BeginOnceAsync(InterruptionContext context, string dialogId, System.Text.Json.Nodes.JsonNode? options, CancellationToken cancellationToken)
    {
        if (context.Dialogs.HasDialog(dialogId))
        {
            return InterruptionOutcome.Reprompt;
        }

        await context.Dialogs.BeginDialogAsync(dialogId, options, cancellationToken);
        return InterruptionOutcome.Handled;
    }

    /// <summary>A case sent later is urgent. Only recorded for users who agreed to have answers saved.</summary>
    private async Task MarkEmergencyAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if ((await kit.DraftAsync(turn, cancellationToken)).ConsentToStore == true)
        {
            await kit.UpdateAsync(turn, d => d.EmergencySignalled = true, cancellationToken);
        }
    }
}
