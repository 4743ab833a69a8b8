using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Dialogs.Runner;

/// <summary>
/// Runs one turn: load the stack, let interruptions (emergency first) go before the active dialog, route card submits,
/// continue the active dialog or begin the root one, save. A stack this build cannot resume becomes an apology and a
/// fresh root dialog (which resumes from the draft), never an exception.
/// </summary>
public sealed partial class DialogRunner(
    DialogSet dialogs,
    DialogStackStore stackStore,
    LexiconSet lexicons,
    DialogRunnerOptions options,
    IEnumerable<IInterruptionRecognizer>? recognizers = null,
    IInterruptionHandler? interruptionHandler = null,
    TimeProvider? timeProvider = null,
    ILogger<DialogRunner>? logger = null,
    IPromptRewording? rewording = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DialogRunner>.Instance;
    private readonly InterruptionDetector _detector = new(recognizers ?? []);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Handle a message (typed or card submit). Other activity types leave the conversation as it is.</summary>
    public async Task<TurnResult> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return TurnResult.Empty;
        }

        return await WithStackAsync(turnContext, RunMessageAsync, cancellationToken);
    }

    /// <summary>Begin the root dialog afresh (e.g. on "start over" or a welcome), dropping any stored position.</summary>
    public Task<TurnResult> RestartAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return WithStackAsync(turnContext, async (dc, _, ct) =>
        {
            dc.Root.Frames.Clear();
            dc.Root.Asked.Clear();
            return await dc.BeginDialogAsync(options.RootDialogId, ct);
        }, cancellationToken);
    }

    /// <summary>Ask the active question again without treating this turn's input as an answer (e.g. after a pause).</summary>
    public Task<TurnResult> RepromptAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return WithStackAsync(turnContext, (dc, lost, ct) => lost ? RecoverAsync(dc, ct) : RepromptOrBeginAsync(dc, ct), cancellationToken);
    }

    private async Task<TurnResult> WithStackAsync(ITurnContext turnContext, Func<DialogContext, bool, CancellationToken, Task<TurnResult>> run, CancellationToken cancellationToken)
    {
        var stored = await stackStore.LoadAsync(turnContext, cancellationToken);
        var stack = stored ?? new DialogStack();
        var lost = stored is null || (stack.Frames.Count > 0 && stack.FlowVersion != options.FlowVersion);
        stack.FlowVersion = options.FlowVersion;
        var dc = CreateContext(turnContext, stack);

        TurnResult result;
        try
        {
            result = await run(dc, lost, cancellationToken);
        }
        catch (StaleStackException)
        {
            LogStaleStack();
            result = await RecoverAsync(dc, cancellationToken);
        }

        if (stack.Frames.Count == 0)
        {
            stack.Asked.Clear(); // nothing under way (a case sent, data deleted): there is no question to go back to
        }

        await stackStore.SaveAsync(turnContext, stack, cancellationToken);
        return result;
    }

    private async Task<TurnResult> RunMessageAsync(DialogContext dc, bool positionLost, CancellationToken cancellationToken)
    {
        // Interruptions go first even when the stored position is lost: an emergency never waits for an apology.
        if (positionLost)
        {
            dc.Root.Frames.Clear();
            dc.Root.Asked.Clear();
        }

        if (_detector.Detect(dc.Input, dc.Language.Lexicon.Culture) is { } interruption && interruptionHandler is not null)
        {
            LogInterruption(interruption.Kind, dc.ActiveLeaf?.DialogId);
            switch (await interruptionHandler.HandleAsync(new InterruptionContext(dc, interruption), cancellationToken))
            {
                case InterruptionOutcome.Handled:
                    return dc.ActiveFrame is null ? TurnResult.Empty : TurnResult.Waiting;
                case InterruptionOutcome.Reprompt when positionLost:
                    return await RecoverAsync(dc, cancellationToken);
                case InterruptionOutcome.Reprompt:
                    return await RepromptAsync(dc, cancellationToken);
            }
        }

        if (positionLost)
        {
            LogPositionLost();
            return await RecoverAsync(dc, cancellationToken);
        }

        switch (dc.Input.Submit)
        {
            case DialogSubmit open when dc.FindDialog(open.DialogId) is null:
                return await StaleCardAsync(dc, cancellationToken);
            case DialogSubmit open when dc.HasDialog(open.DialogId):
                // Already under way: resume it by asking its current question again.
                return await RepromptAsync(dc, cancellationToken);
            case DialogSubmit open:
                return await dc.BeginDialogAsync(open.DialogId, open.Options, cancellationToken);
            case PromptSubmit answer when !IsCurrent(dc, answer):
                return await StaleCardAsync(dc, cancellationToken);
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        return result.Status == DialogTurnStatus.Empty
            ? await dc.BeginDialogAsync(options.RootDialogId, cancellationToken)
            : result;
    }

    private bool IsCurrent(DialogContext dc, PromptSubmit answer)
        => answer.Revision == dc.Root.Revision
            && answer.FlowVersion == options.FlowVersion
            && dc.ActiveLeaf?.DialogId == answer.DialogId;

    /// <summary>An old card was used: say so, then show where the conversation really is.</summary>
    private async Task<TurnResult> StaleCardAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        LogStaleCard(dc.ActiveLeaf?.DialogId);
        await dc.SendAsync(dc.Language.Lexicon.StaleCard, cancellationToken);
        return await RepromptOrBeginAsync(dc, cancellationToken);
    }

    private static async Task<TurnResult> RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveFrame is null)
        {
            return TurnResult.Empty;
        }

        await dc.RepromptDialogAsync(cancellationToken);
        return TurnResult.Waiting;
    }

    private async Task<TurnResult> RepromptOrBeginAsync(DialogContext dc, CancellationToken cancellationToken)
        => dc.ActiveFrame is null
            ? await dc.BeginDialogAsync(options.RootDialogId, cancellationToken)
            : await RepromptAsync(dc, cancellationToken);

    private async Task<TurnResult> RecoverAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        dc.Root.Frames.Clear();
        dc.Root.Asked.Clear();
        await dc.SendAsync(dc.Language.Lexicon.Restarted, cancellationToken);
        return await dc.BeginDialogAsync(options.RootDialogId, cancellationToken);
    }

    private DialogContext CreateContext(ITurnContext turnContext, DialogStack stack)
    {
        var activity = turnContext.Activity;
        var userNow = activity.LocalTimestamp ?? activity.Timestamp ?? _time.GetUtcNow();
        var environment = new TurnEnvironment(UserInput.From(activity), TurnLanguage.For(turnContext, lexicons), stack, options.FlowVersion, userNow, lexicons, rewording);
        return new DialogContext(dialogs, turnContext, environment, stack.Frames, parent: null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interruption {Kind} while {DialogId} was active")]
    private partial void LogInterruption(InterruptionKind kind, string? dialogId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stale card submit; re-asking {DialogId}")]
    private partial void LogStaleCard(string? dialogId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored dialog stack names an unknown dialog or version; restarting from the draft")]
    private partial void LogStaleStack(); // No conversation id: ids stay out of logs (hashed in traces instead).

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored dialog stack is from another flow version or unreadable; restarting from the draft")]
    private partial void LogPositionLost();
}
