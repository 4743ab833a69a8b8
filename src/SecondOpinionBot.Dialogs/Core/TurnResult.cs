using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>The active dialog asked something and waits for the user.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="TurnResult.Value"/> holds its result.</summary>
    Complete,

    /// <summary>Every dialog was cancelled.</summary>
    Cancelled,
}

/// <summary>
/// What a dialog operation produced. <see cref="GaveUp"/> is set when a prompt ran out of attempts, so the flow can offer
/// a person instead of asking again.
/// </summary>
public sealed record TurnResult(DialogTurnStatus Status, JsonNode? Value = null, bool GaveUp = false)
{
    public static TurnResult Empty { get; } = new(DialogTurnStatus.Empty);

    public static TurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public T? ValueAs<T>() => DialogJson.As<T>(Value);
}
