using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// Asks, waits, recognises, validates. A failed answer gets the retry prompt; after <see cref="PromptOptions.MaxAttempts"/>
/// failures the prompt ends with <see cref="TurnResult.GaveUp"/> so the flow moves on instead of looping.
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator = null) : Dialog(id)
{
    public const int DefaultMaxAttempts = 3;

    public override async Task<TurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var frame = dc.Frame;
        var promptOptions = await PromptQuestion.ReadAsync(dc, frame, cancellationToken);
        if (promptOptions.Language is null)
        {
            promptOptions = promptOptions with { Language = dc.Language.Lexicon.Culture };
        }

        PromptQuestion.Keep(dc, frame, promptOptions); // before the "back" snapshot below, so the snapshot holds the short note too
        frame.Attempts = 0;
        dc.NextRevision();
        dc.RememberQuestion(Id);
        await SendAsync(dc, promptOptions, promptOptions.Prompt, cancellationToken);
        return TurnResult.Waiting;
    }

    public override async Task<TurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.TurnContext.Activity.Type != ActivityTypes.Message)
        {
            return TurnResult.Waiting;
        }

        var frame = dc.Frame;
        var options = await PromptQuestion.ReadAsync(dc, frame, cancellationToken);
        var recognized = Recognize(dc, options);
        if (recognized.FollowUpQuestion is { } question)
        {
            await dc.TurnContext.SendActivityAsync(Render(dc, options, question), cancellationToken);
            return TurnResult.Waiting;
        }

        string? retryMessage = null;
        var valid = recognized.Succeeded;
        if (valid && validator is not null)
        {
            var check = new PromptValidatorContext<T>(dc, recognized, options, frame.Attempts + 1);
            valid = await validator(check, cancellationToken);
            retryMessage = check.RetryMessage;
        }

        if (valid)
        {
            return await dc.EndDialogAsync(DialogJson.ToNode(recognized.Value), cancellationToken);
        }

        frame.Attempts++;
        OnFailedAttempt(frame);
        if (frame.Attempts >= (options.MaxAttempts ?? DefaultMaxAttempts))
        {
            return await dc.GiveUpAsync(cancellationToken);
        }

        await SendAsync(dc, options, retryMessage ?? options.RetryPrompt ?? options.Prompt, cancellationToken);
        return TurnResult.Waiting;
    }

    /// <summary>Back from a dialog pushed above the prompt (e.g. "are you sure you want to stop?" → no): ask again.</summary>
    public override async Task<TurnResult> ResumeDialogAsync(DialogContext dc, TurnResult childResult, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc, dc.Frame, cancellationToken);
        return TurnResult.Waiting;
    }

    /// <summary>Asks again; a question written in another language than the user's now is reworded first (and kept so).</summary>
    public override async Task RepromptDialogAsync(DialogContext dc, DialogFrame frame, CancellationToken cancellationToken)
    {
        var options = await PromptQuestion.ReadAsync(dc, frame, cancellationToken);
        var language = dc.Language.Lexicon.Culture;
        if (options.Language is { } written && !string.Equals(written, language, StringComparison.OrdinalIgnoreCase)
            && dc.Environment.Rewording is { } rewording
            && await rewording.RewordAsync(dc, Id, options, cancellationToken) is { } reworded)
        {
            options = reworded with { Language = language };
            PromptQuestion.Keep(dc, frame, options);
        }

        await SendAsync(dc, options, options.Prompt, cancellationToken);
    }

    protected abstract PromptRecognition<T> Recognize(DialogContext dc, PromptOptions options);

    /// <summary>The message for a question; plain text unless the prompt offers choices.</summary>
    protected virtual IMessageActivity Render(DialogContext dc, PromptOptions options, string text) => MessageFactory.Text(text);

    /// <summary>Lets a prompt drop per-question state (e.g. a pending read-back) after a failed answer.</summary>
    protected virtual void OnFailedAttempt(DialogFrame frame)
    {
    }

    private async Task SendAsync(DialogContext dc, PromptOptions options, string text, CancellationToken cancellationToken)
        => await dc.TurnContext.SendActivityAsync(Render(dc, options, text), cancellationToken);
}
