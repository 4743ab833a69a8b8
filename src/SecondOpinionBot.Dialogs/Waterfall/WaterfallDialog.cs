using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Dialogs;

public delegate Task<TurnResult> WaterfallStep<TOptions>(WaterfallStepContext<TOptions> step, CancellationToken cancellationToken)
    where TOptions : class, new();

/// <summary>
/// A fixed sequence of steps; each step either waits (a prompt or child dialog) or moves on. Options are typed and stored
/// with the frame, so a step on a later turn sees the same options.
/// </summary>
public class WaterfallDialog<TOptions> : Dialog
    where TOptions : class, new()
{
    private readonly List<WaterfallStep<TOptions>> _steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep<TOptions>>? steps = null)
        : base(id)
    {
        _steps = steps?.ToList() ?? [];
    }

    /// <summary>Adding or removing steps changes the version, so an old position is not resumed at the wrong step.</summary>
    public override string Version => $"{Id}:{_steps.Count}";

    public WaterfallDialog<TOptions> AddStep(WaterfallStep<TOptions> step)
    {
        _steps.Add(step);
        return this;
    }

    public override Task<TurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken)
        => RunStepAsync(dc, 0, DialogReason.Begin, null, cancellationToken);

    /// <summary>Text sent while the waterfall itself (not a prompt) is active becomes the next step's result.</summary>
    public override Task<TurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.TurnContext.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(TurnResult.Waiting);
        }

        var text = dc.Input.Answer is { } answer ? JsonValue.Create(answer) : null;
        return RunStepAsync(dc, dc.Frame.Step + 1, DialogReason.Continue, new TurnResult(DialogTurnStatus.Complete, text), cancellationToken);
    }

    public override Task<TurnResult> ResumeDialogAsync(DialogContext dc, TurnResult childResult, CancellationToken cancellationToken)
        => RunStepAsync(dc, dc.Frame.Step + 1, DialogReason.EndCalled, childResult, cancellationToken);

    internal async Task<TurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, TurnResult? previous, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(previous?.Value, previous?.GaveUp ?? false, cancellationToken);
        }

        dc.Frame.Step = index;
        return await _steps[index](new WaterfallStepContext<TOptions>(this, dc, index, reason, previous), cancellationToken);
    }
}

/// <summary>A waterfall that takes no options.</summary>
public class WaterfallDialog(string id, IEnumerable<WaterfallStep<NoOptions>>? steps = null)
    : WaterfallDialog<NoOptions>(id, steps);

/// <summary>The options of a dialog that needs none.</summary>
public sealed class NoOptions;
