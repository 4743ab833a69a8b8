using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Dialogs;

/// <summary>What one waterfall step sees: typed options, the values gathered so far and the previous step's result.</summary>
public sealed class WaterfallStepContext<TOptions>
    where TOptions : class, new()
{
    private readonly WaterfallDialog<TOptions> _waterfall;

    internal WaterfallStepContext(WaterfallDialog<TOptions> waterfall, DialogContext dc, int index, DialogReason reason, TurnResult? previous)
    {
        _waterfall = waterfall;
        Context = dc;
        Index = index;
        Reason = reason;
        Previous = previous;
        Options = DialogJson.As<TOptions>(dc.Frame.Options) ?? new TOptions();
        Values = new StepValues(dc.Frame.Values);
    }

    public DialogContext Context { get; }

    public ITurnContext TurnContext => Context.TurnContext;

    public UserInput Input => Context.Input;

    public TurnLanguage Language => Context.Language;

    public int Index { get; }

    public DialogReason Reason { get; }

    public TOptions Options { get; }

    public StepValues Values { get; }

    /// <summary>The previous step's (or child dialog's) result.</summary>
    public JsonNode? Result => Previous?.Value;

    /// <summary>The child prompt ran out of attempts: offer another way (e.g. a person) instead of asking again.</summary>
    public bool GaveUp => Previous?.GaveUp ?? false;

    private TurnResult? Previous { get; }

    public T? ResultAs<T>() => DialogJson.As<T>(Result);

    /// <summary>Skip to the next step without waiting for the user.</summary>
    public Task<TurnResult> NextAsync(JsonNode? result = null, CancellationToken cancellationToken = default)
        => _waterfall.RunStepAsync(Context, Index + 1, DialogReason.NextCalled, new TurnResult(DialogTurnStatus.Complete, result), cancellationToken);

    public Task<TurnResult> NextAsync<T>(T result, CancellationToken cancellationToken = default)
        => NextAsync(DialogJson.ToNode(result), cancellationToken);

    public Task<TurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default)
        => Context.PromptAsync(promptId, options, cancellationToken);

    public Task<TurnResult> BeginDialogAsync(string dialogId, CancellationToken cancellationToken = default)
        => Context.BeginDialogAsync(dialogId, cancellationToken);

    public Task<TurnResult> BeginDialogAsync<T>(string dialogId, T options, CancellationToken cancellationToken = default)
        => Context.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<TurnResult> EndDialogAsync(CancellationToken cancellationToken = default)
        => Context.EndDialogAsync(cancellationToken);

    public Task<TurnResult> EndDialogAsync<T>(T result, CancellationToken cancellationToken = default)
        => Context.EndDialogAsync(result, cancellationToken);

    public Task<TurnResult> ReplaceDialogAsync(string dialogId, CancellationToken cancellationToken = default)
        => Context.ReplaceDialogAsync(dialogId, cancellationToken);

    public Task<TurnResult> ReplaceDialogAsync<T>(string dialogId, T options, CancellationToken cancellationToken = default)
        => Context.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<TurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
        => Context.CancelAllDialogsAsync(cancellationToken);

    public Task SendAsync(string text, CancellationToken cancellationToken = default)
        => Context.SendAsync(text, cancellationToken);
}
