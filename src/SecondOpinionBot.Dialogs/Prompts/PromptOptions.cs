using SecondOpinionBot.Dialogs.Choices;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>What a prompt asks. Stored with the frame (System.Text.Json), so it can be asked again on a later turn.</summary>
public sealed record PromptOptions
{
    public required string Prompt { get; init; }

    /// <summary>Sent after an answer that was not understood; defaults to <see cref="Prompt"/>.</summary>
    public string? RetryPrompt { get; init; }

    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public ListStyle Style { get; init; } = ListStyle.Auto;

    /// <summary>Form prompts: an Adaptive Card whose Action.Submit buttons get the engine's tag; see <see cref="CardFormPrompt"/>.</summary>
    public System.Text.Json.Nodes.JsonObject? Card { get; init; }

    /// <summary>Failed answers before the prompt gives up (the flow then sees <see cref="TurnResult.GaveUp"/>); default 3.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Date prompts: resolve "Tuesday" or "12/3" to the past rather than the future (e.g. "when was the scan?").</summary>
    public bool PreferPastDates { get; init; }

    /// <summary>The language the question is written in (the lexicon's culture); set by the prompt when it first asks.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The host's own note of how it wrote the question (message keys, values, choice set), so that
    /// <see cref="IPromptRewording"/> can write it again in another language. Opaque to the engine.
    /// </summary>
    public System.Text.Json.Nodes.JsonNode? Wording { get; init; }

    /// <summary>
    /// Only the note the host needs is stored (<see cref="IPromptRewording.Shorten"/>): the question's words, choices
    /// and card are written again in full by <see cref="IPromptRewording.RewordAsync"/> each turn it is read. This keeps
    /// the frame, and every "back" snapshot of it, a few hundred bytes instead of kilobytes of choices and cards.
    /// </summary>
    public bool Shortened { get; init; }
}
