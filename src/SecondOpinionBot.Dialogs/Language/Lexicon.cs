namespace SecondOpinionBot.Dialogs.Language;

/// <summary>
/// The words and short texts the engine needs in one language. Content, supplied by the host (e.g. from YAML):
/// no user-facing word is written in the engine's code.
/// </summary>
public sealed record Lexicon
{
    /// <summary>"en", "en-GB", "es"…: matched against the activity's locale, exact first, then by language.</summary>
    public required string Culture { get; init; }

    /// <summary>"yes", "yeah", "sure", "of course"…</summary>
    public required IReadOnlyList<string> Yes { get; init; }

    /// <summary>"no", "nope", "not really"…</summary>
    public required IReadOnlyList<string> No { get; init; }

    /// <summary>"not sure", "maybe"…: neither yes nor no, even if they contain a yes word.</summary>
    public IReadOnlyList<string> Unsure { get; init; } = [];

    /// <summary>Words that join a list of answers: "and", "plus"… (commas and semicolons always do).</summary>
    public IReadOnlyList<string> ListJoiners { get; init; } = [];

    /// <summary>How this language's words are read (spellings such as "isnt" → "is not"); used by every recognizer.</summary>
    public TextNormalizer Normalizer { get; init; } = TextNormalizer.Plain;

    public required string YesLabel { get; init; }

    public required string NoLabel { get; init; }

    /// <summary>The button that sends a card's answer.</summary>
    public required string SubmitLabel { get; init; }

    /// <summary>Read-back of an ambiguous date; {0} is the date in words. E.g. "Just to check: {0}?"</summary>
    public required string DateReadBack { get; init; }

    /// <summary>Sent before re-asking when the user answers an older card.</summary>
    public required string StaleCard { get; init; }

    /// <summary>Sent when the stored position could not be resumed (flow changed); the root dialog then resumes from the draft.</summary>
    public required string Restarted { get; init; }
}
