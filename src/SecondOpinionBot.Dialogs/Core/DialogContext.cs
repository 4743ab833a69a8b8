using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Dialogs;

/// <summary>
/// The dialogs of one turn: a stack of frames plus the operations that move along it. A component dialog gets a child
/// context over its own inner stack; <see cref="CancelAllDialogsAsync"/> always cancels the whole conversation.
/// </summary>
public sealed class DialogContext
{
    private readonly List<DialogFrame> _frames;

    internal DialogContext(DialogSet dialogs, ITurnContext turnContext, TurnEnvironment environment, List<DialogFrame> frames, DialogContext? parent)
    {
        Dialogs = dialogs;
        TurnContext = turnContext;
        Environment = environment;
        _frames = frames;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext TurnContext { get; }

    public DialogContext? Parent { get; }

    /// <summary>What the user sent this turn: text and/or card values.</summary>
    public UserInput Input => Environment.Input;

    /// <summary>The user's language: word lists, recognizer culture and formatting culture.</summary>
    public TurnLanguage Language => Environment.Language;

    /// <summary>
    /// The user chose another language: from now on this turn speaks and understands it (the next question asked again
    /// is reworded by the host's <see cref="IPromptRewording"/>), and <see cref="TurnLanguage.LocaleOf"/> says it.
    /// Keeping the choice for later turns is the host's.
    /// </summary>
    public void SwitchLanguage(string locale)
    {
        TurnLanguage.Choose(TurnContext, locale);
        Environment.Language = TurnLanguage.For(locale, Environment.Lexicons);
    }

    /// <summary>The user's own wall-clock time and offset (from the activity), not the server's.</summary>
    public DateTimeOffset UserNow => Environment.UserNow;

    public IReadOnlyList<DialogFrame> Stack => _frames;

    public DialogFrame? ActiveFrame => _frames.Count > 0 ? _frames[^1] : null;

    /// <summary>The innermost active frame, looking inside component dialogs (normally the waiting prompt).</summary>
    public DialogFrame? ActiveLeaf
    {
        get
        {
            var frame = ActiveFrame;
            while (frame is { Inner.Count: > 0 })
            {
                frame = frame.Inner[^1];
            }

            return frame;
        }
    }

    /// <summary>True when <paramref name="dialogId"/> is anywhere on the conversation's stack, inside components too
    /// (e.g. so a second "cancel" does not stack a second "are you sure?").</summary>
    public bool HasDialog(string dialogId)
    {
        return Contains(Root.Frames);

        bool Contains(List<DialogFrame> frames) => frames.Exists(f => f.DialogId == dialogId || Contains(f.Inner));
    }

    /// <summary>
    /// The question a prompt's frame asks, in full (the frame may keep only the host's note of it); e.g. to tell whether
    /// words said at the active prompt would answer it.
    /// </summary>
    public Task<PromptOptions> QuestionAsync(DialogFrame promptFrame, CancellationToken cancellationToken = default) =>
        PromptQuestion.ReadAsync(this, promptFrame, cancellationToken);

    /// <summary>The frame of the dialog that is running now.</summary>
    public DialogFrame Frame => ActiveFrame ?? throw new InvalidOperationException("No dialog is active.");

    internal TurnEnvironment Environment { get; }

    internal DialogStack Root => Environment.Stack;

    public Task<TurnResult> BeginDialogAsync(string dialogId, CancellationToken cancellationToken = default)
        => BeginDialogAsync(dialogId, (JsonNode?)null, cancellationToken);

    public Task<TurnResult> BeginDialogAsync<TOptions>(string dialogId, TOptions options, CancellationToken cancellationToken = default)
        => BeginDialogAsync(dialogId, DialogJson.ToNode(options), cancellationToken);

    public async Task<TurnResult> BeginDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"Unknown dialog '{dialogId}'. Add it to the dialog set.");
        _frames.Add(new DialogFrame { DialogId = dialogId, Version = dialog.Version, Options = options?.DeepClone() });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public async Task<TurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dialog = FindDialog(promptId) ?? throw new InvalidOperationException($"Unknown dialog '{promptId}'. Add it to the dialog set.");

        // The node is new and only this frame holds it (no copy needed); the prompt reads the options it was given.
        var node = DialogJson.ToNode(options)!;
        _frames.Add(new DialogFrame { DialogId = promptId, Version = dialog.Version, Options = node, TypedOptions = (node, options) });
        return await dialog.BeginDialogAsync(this, node, cancellationToken);
    }

    /// <summary>Pass the user's input to the active dialog; <see cref="DialogTurnStatus.Empty"/> when none is active.</summary>
    public async Task<TurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveFrame is not { } frame)
        {
            return TurnResult.Empty;
        }

        return await DialogFor(frame).ContinueDialogAsync(this, cancellationToken);
    }

    public Task<TurnResult> EndDialogAsync(CancellationToken cancellationToken = default)
        => EndDialogAsync(null, false, cancellationToken);

    public Task<TurnResult> EndDialogAsync<TResult>(TResult result, CancellationToken cancellationToken = default)
        => EndDialogAsync(DialogJson.ToNode(result), false, cancellationToken);

    public Task<TurnResult> EndDialogAsync(JsonNode? result, CancellationToken cancellationToken = default)
        => EndDialogAsync(result, false, cancellationToken);

    /// <summary>Pop the active dialog and hand its result to the parent (or return <see cref="DialogTurnStatus.Complete"/>).</summary>
    public async Task<TurnResult> EndDialogAsync(JsonNode? result, bool gaveUp, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken);
        var ended = new TurnResult(DialogTurnStatus.Complete, result, gaveUp);
        return ActiveFrame is { } parent
            ? await DialogFor(parent).ResumeDialogAsync(this, ended, cancellationToken)
            : ended;
    }

    /// <summary>End the active dialog because the user could not be understood; the parent sees <see cref="TurnResult.GaveUp"/>.</summary>
    public Task<TurnResult> GiveUpAsync(CancellationToken cancellationToken = default)
        => EndDialogAsync(null, true, cancellationToken);

    public Task<TurnResult> ReplaceDialogAsync(string dialogId, CancellationToken cancellationToken = default)
        => ReplaceDialogAsync(dialogId, (JsonNode?)null, cancellationToken);

    public Task<TurnResult> ReplaceDialogAsync<TOptions>(string dialogId, TOptions options, CancellationToken cancellationToken = default)
        => ReplaceDialogAsync(dialogId, DialogJson.ToNode(options), cancellationToken);

    /// <summary>End the active dialog without resuming its parent and start another in its place (loops).</summary>
    public async Task<TurnResult> ReplaceDialogAsync(string dialogId, JsonNode? options, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Cancel every dialog of the conversation, from the root down.</summary>
    public async Task<TurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Parent is not null)
        {
            return await Parent.CancelAllDialogsAsync(cancellationToken);
        }

        var hadDialogs = _frames.Count > 0;
        while (_frames.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return hadDialogs ? new TurnResult(DialogTurnStatus.Cancelled) : TurnResult.Empty;
    }

    /// <summary>Ask the active dialog's question again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveFrame is { } frame)
        {
            await DialogFor(frame).RepromptDialogAsync(this, frame, cancellationToken);
        }
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken = default)
        => await TurnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    /// <summary>Looks in this context's set, then in the parents' (so prompts can be registered once at the root).</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>A context over a component dialog's own stack.</summary>
    internal DialogContext CreateChild(DialogSet dialogs, List<DialogFrame> frames) => new(dialogs, TurnContext, Environment, frames, this);

    /// <summary>Marks that a new question was asked; card submits carry this number.</summary>
    internal int NextRevision() => ++Root.Revision;

    /// <summary>How many earlier questions "back" can return to, one after another.</summary>
    public const int BackSteps = 5;

    /// <summary>Called by a prompt as it asks: the stack now (with the prompt on top) is where "back" returns to.</summary>
    internal void RememberQuestion(string promptId)
    {
        var asked = Root.Asked;
        asked.Add(new AskedQuestion
        {
            Revision = Root.Revision,
            PromptId = promptId,
            Frames = JsonSerializer.SerializeToNode(Root.Frames, DialogJson.Compact)!,
        });
        if (asked.Count > BackSteps + 1)
        {
            asked.RemoveRange(0, asked.Count - BackSteps - 1);
        }
    }

    /// <summary>
    /// "Back": put the conversation where it was when the previous question was asked (the last one, when no question
    /// is waiting, e.g. at a summary). Answers already saved stay until that question is answered again. The caller
    /// asks the restored question again. False when there is no earlier question.
    /// </summary>
    public bool TryGoBack()
    {
        var asked = Root.Asked;
        if (asked.Count > 0 && asked[^1].Revision == Root.Revision && asked[^1].PromptId == ActiveLeaf?.DialogId)
        {
            if (asked.Count == 1)
            {
                return false;
            }

            asked.RemoveAt(asked.Count - 1);
        }

        if (asked.Count == 0 || asked[^1].Frames.Deserialize<List<DialogFrame>>(DialogJson.Options) is not { Count: > 0 } frames)
        {
            return false;
        }

        Root.Frames.Clear();
        Root.Frames.AddRange(frames);
        asked[^1].Revision = NextRevision(); // cards from the questions after it are now outdated
        return true;
    }

    private Dialog DialogFor(DialogFrame frame)
    {
        var dialog = FindDialog(frame.DialogId) ?? throw new StaleStackException($"The stack names unknown dialog '{frame.DialogId}'.");
        if (frame.Version is not null && frame.Version != dialog.Version)
        {
            throw new StaleStackException($"Dialog '{frame.DialogId}' changed version.");
        }

        return dialog;
    }

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        var frame = Frame;
        if (FindDialog(frame.DialogId) is { } dialog)
        {
            await dialog.OnEndDialogAsync(this, frame, reason, cancellationToken);
        }

        _frames.RemoveAt(_frames.Count - 1);
    }
}
