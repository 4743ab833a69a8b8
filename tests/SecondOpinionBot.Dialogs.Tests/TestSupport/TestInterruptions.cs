using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Dialogs.Tests.TestSupport;

/// <summary>An exact-phrase table, like the host's content-driven recognizers.</summary>
internal sealed class PhraseTableRecognizer(Dictionary<string, InterruptionKind> phrases) : IInterruptionRecognizer
{
    public Interruption? Recognize(string text, string culture)
        => phrases.TryGetValue(PhraseMatcher.Normalize(text), out var kind) ? new Interruption(kind) : null;
}

/// <summary>Stands in for the host's emergency recognizer: a phrase anywhere in the text.</summary>
internal sealed class EmergencyRecognizer : IInterruptionRecognizer
{
    public Interruption? Recognize(string text, string culture)
        => PhraseMatcher.ContainsPhrase(PhraseMatcher.Normalize(text), "chest pain") ? new Interruption(InterruptionKind.Emergency) : null;
}

/// <summary>Host-like handling: emergency and help answer then re-ask; cancel asks first.</summary>
internal sealed class TestInterruptionHandler : IInterruptionHandler
{
    public const string ConfirmCancelId = "confirmCancel";
    public const string EmergencyText = "If this is an emergency, call 911 now.";
    public const string HelpText = "I am collecting a few details for your second opinion.";

    public List<InterruptionKind> Seen { get; } = [];

    public async Task<InterruptionOutcome> HandleAsync(InterruptionContext context, CancellationToken cancellationToken)
    {
        Seen.Add(context.Interruption.Kind);
        switch (context.Interruption.Kind)
        {
            case InterruptionKind.Emergency:
                await context.Dialogs.SendAsync(EmergencyText, cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Help:
                await context.Dialogs.SendAsync(HelpText, cancellationToken);
                return InterruptionOutcome.Reprompt;
            case InterruptionKind.Cancel when context.HasActiveDialog && !context.Dialogs.HasDialog(ConfirmCancelId):
                await context.Dialogs.BeginDialogAsync(ConfirmCancelId, cancellationToken);
                return InterruptionOutcome.Handled;
            case InterruptionKind.Cancel when context.Dialogs.HasDialog(ConfirmCancelId):
                return InterruptionOutcome.Reprompt;
            default:
                return InterruptionOutcome.ContinueDialog;
        }
    }

    /// <summary>"Do you want to stop?" yes → cancel everything; no → back to the question.</summary>
    public static Dialog ConfirmCancelDialog() => new WaterfallDialog(ConfirmCancelId)
        .AddStep((step, ct) => step.PromptAsync(TestBot.ConfirmId, new PromptOptions { Prompt = "Do you want to stop?" }, ct))
        .AddStep(async (step, ct) =>
        {
            if (!step.ResultAs<bool>())
            {
                return await step.EndDialogAsync(ct);
            }

            await step.SendAsync("Stopped. Say hi to start again.", ct);
            return await step.CancelAllDialogsAsync(ct);
        });
}
