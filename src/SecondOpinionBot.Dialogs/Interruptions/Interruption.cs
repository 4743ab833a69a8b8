namespace SecondOpinionBot.Dialogs.Interruptions;

/// <summary>What a user can say at any moment, whatever the active dialog is waiting for.</summary>
public enum InterruptionKind
{
    Emergency,
    Help,
    Cancel,
    TalkToPerson,
    Status,
    DeleteMyData,
    WhatDoYouKnow,
}

/// <param name="Detail">Optional sub-kind, e.g. "self-harm" for an emergency that needs the crisis line.</param>
public sealed record Interruption(InterruptionKind Kind, string? Detail = null);

/// <summary>Recognises one or more interruptions in the user's text; content (phrase lists) is supplied by the host.</summary>
public interface IInterruptionRecognizer
{
    Interruption? Recognize(string text, string culture);
}
