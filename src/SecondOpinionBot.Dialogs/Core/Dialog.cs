using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs;

public enum DialogReason
{
    Begin,
    Continue,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}

/// <summary>
/// A dialog is a stateless singleton: everything about one conversation lives in its <see cref="DialogFrame"/>
/// (reach it with <see cref="DialogContext.Frame"/>).
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Stored in the frame; when it changes the stored position is no longer trusted.</summary>
    public virtual string Version => Id;

    public abstract Task<TurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>The user said something while this dialog was active.</summary>
    public virtual Task<TurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog ended with <paramref name="childResult"/>.</summary>
    public virtual Task<TurnResult> ResumeDialogAsync(DialogContext dc, TurnResult childResult, CancellationToken cancellationToken)
        => dc.EndDialogAsync(childResult.Value, childResult.GaveUp, cancellationToken);

    /// <summary>Ask the current question again (after help, a stale card or an interruption).</summary>
    public virtual Task RepromptDialogAsync(DialogContext dc, DialogFrame frame, CancellationToken cancellationToken)
        => Task.CompletedTask;

    /// <summary>Cleanup hook, called as the frame leaves the stack.</summary>
    public virtual Task OnEndDialogAsync(DialogContext dc, DialogFrame frame, DialogReason reason, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
