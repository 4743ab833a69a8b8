using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.Interruptions;

/// <summary>What happens after the host handled an interruption.</summary>
public enum InterruptionOutcome
{
    /// <summary>Ask the active question again (e.g. after help or status). Nothing is asked if no dialog is active.</summary>
    Reprompt,

    /// <summary>Not an interruption after all: give the input to the active dialog.</summary>
    ContinueDialog,

    /// <summary>The handler moved the conversation itself (began a dialog, cancelled everything): nothing more this turn.</summary>
    Handled,
}

/// <param name="Dialogs">The root dialog context: begin a dialog on top (e.g. "are you sure?") or cancel all.</param>
public sealed record InterruptionContext(DialogContext Dialogs, Interruption Interruption)
{
    public ITurnContext TurnContext => Dialogs.TurnContext;

    /// <summary>True while a question is waiting for an answer.</summary>
    public bool HasActiveDialog => Dialogs.ActiveFrame is not null;
}

/// <summary>The host's answers to help, cancel, emergency…; called before the active dialog sees the input.</summary>
public interface IInterruptionHandler
{
    Task<InterruptionOutcome> HandleAsync(InterruptionContext context, CancellationToken cancellationToken);
}
