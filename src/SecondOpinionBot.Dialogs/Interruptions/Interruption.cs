namespace SecondOpinionBot.Dialogs.Interruptions;

/// <summary>What a user can say at any moment, whatever the active dialog is waiting for.</summary>
public enum InterruptionKind
{
    Emergency,

    /// <summary>Something to say before the input is taken as usual (e.g. a crisis line note); the dialog still gets the input.</summary>
    SafetyNote,
    Help,
    Cancel,
    TalkToPerson,
    Status,
    DeleteMyData,
    WhatDoYouKnow,

    /// <summary>"Back": return to the previous question (<see cref="DialogContext.TryGoBack"/>).</summary>
    Back,

    /// <summary>
    /// Said beside the question (a question of the user's own, a worry): the host decides by the prompt whether it is
    /// the answer or something to keep and ask again.
    /// </summary>
    Aside,

    /// <summary>The user chose another language; <see cref="Interruption.Detail"/> is its culture ("es").</summary>
    Language,
}

/// <param name="Detail">Optional sub-kind, e.g. "self-harm" for an emergency that needs the crisis line.</param>
/// <param name="Category">Optional finer kind for counting (e.g. "breathing"); never the user's words.</param>
public sealed record Interruption(InterruptionKind Kind, string? Detail = null, string? Category = null);

/// <summary>Recognises one or more interruptions in the user's text; content (phrase lists) is supplied by the host.</summary>
public interface IInterruptionRecognizer
{
    Interruption? Recognize(string text, string culture);
}
