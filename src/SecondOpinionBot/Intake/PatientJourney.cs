using Microsoft.Bot.Builder;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Runner;

namespace SecondOpinionBot.Intake;

/// <summary>
/// One patient turn: the welcome when a chat starts, the emergency pause, the "start" command, then the dialog runner
/// (interruptions first, then the journey). Used for personal chats and web chat only.
/// </summary>
public sealed class PatientJourney(
    DialogRunner runner, EmergencyPause pause, IEnumerable<IInterruptionRecognizer> recognizers, LexiconSet lexicons, JourneyKit kit, PatientLanguage language)
{
    private readonly InterruptionDetector _interruptions = new(recognizers);

    public async Task StartAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await language.ForTurnAsync(turn, cancellationToken);
        await runner.RestartAsync(turn, cancellationToken);
    }

    public async Task ContinueAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        await language.ForTurnAsync(turn, cancellationToken);
        var input = UserInput.From(turn.Activity);
        if (await pause.IsPausedAsync(turn, cancellationToken) && !IsInterruption(turn, input))
        {
            if (kit.Content(turn).Answers.Match(input.Text) is ShortAnswer.Continue or ShortAnswer.Yes)
            {
                await pause.SetAsync(turn, false, cancellationToken);
                await turn.SendActivityAsync(kit.Say(turn, MessageKeys.EmergencyResumed), cancellationToken: cancellationToken);
                await runner.RepromptAsync(turn, cancellationToken);
            }
            else
            {
                await turn.SendActivityAsync(kit.Say(turn, MessageKeys.EmergencyResume), cancellationToken: cancellationToken);
            }

            return;
        }

        // "start" means begin, or carry on where we are; it is never an answer to the question on screen.
        if (CommandRouter.Route(input.Text, CommandScope.Personal)?.Command.Id == CommandId.Start)
        {
            await runner.RepromptAsync(turn, cancellationToken);
            return;
        }

        await runner.RunAsync(turn, cancellationToken);
    }

    private bool IsInterruption(ITurnContext turn, UserInput input)
    {
        var culture = TurnLanguage.For(turn, lexicons).Lexicon.Culture;
        // A safety note or an aside is not a way out of the pause: it is said with the answer it came with.
        return _interruptions.Detect(input, culture) is { Kind: not (InterruptionKind.SafetyNote or InterruptionKind.Aside) };
    }
}
