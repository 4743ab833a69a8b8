using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs;

/// <summary>
/// A dialog made of dialogs: its own set and its own inner stack, stored inside its frame. It ends when its inner stack
/// empties, with the inner result.
/// </summary>
public class ComponentDialog(string id) : Dialog(id)
{
    private readonly DialogSet _dialogs = new();

    /// <summary>Defaults to the first dialog added.</summary>
    public string? InitialDialogId { get; set; }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<TurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
    {
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        var inner = Inner(dc);
        return await AfterInnerTurnAsync(dc, await inner.BeginDialogAsync(initial, options, cancellationToken), cancellationToken);
    }

    public override async Task<TurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
        => await AfterInnerTurnAsync(dc, await Inner(dc).ContinueDialogAsync(cancellationToken), cancellationToken);

    /// <summary>Something pushed above the component (e.g. an interruption's dialog) ended: ask the inner question again.</summary>
    public override async Task<TurnResult> ResumeDialogAsync(DialogContext dc, TurnResult childResult, CancellationToken cancellationToken)
    {
        var inner = Inner(dc);
        if (inner.ActiveFrame is null)
        {
            return await dc.EndDialogAsync(childResult.Value, childResult.GaveUp, cancellationToken);
        }

        await inner.RepromptDialogAsync(cancellationToken);
        return TurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(DialogContext dc, DialogFrame frame, CancellationToken cancellationToken)
        => dc.CreateChild(_dialogs, frame.Inner).RepromptDialogAsync(cancellationToken);

    private DialogContext Inner(DialogContext dc) => dc.CreateChild(_dialogs, dc.Frame.Inner);

    private static async Task<TurnResult> AfterInnerTurnAsync(DialogContext dc, TurnResult inner, CancellationToken cancellationToken) => inner.Status switch
    {
        DialogTurnStatus.Waiting or DialogTurnStatus.Cancelled => inner,
        _ => await dc.EndDialogAsync(inner.Value, inner.GaveUp, cancellationToken),
    };
}
