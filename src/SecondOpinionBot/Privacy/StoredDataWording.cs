namespace SecondOpinionBot.Privacy;

/// <summary>
/// The words for "what do you know about me", from the content files. Line templates may use {count}, {fields},
/// {reference} and {until}; <see cref="FieldNames"/> maps <see cref="SecondOpinionBot.Handoff.CaseDetailsFields"/> names to plain words.
/// </summary>
public sealed record StoredDataWording
{
    public required string Intro { get; init; }

    public required string Nothing { get; init; }

    public required string Outro { get; init; }

    public required IReadOnlyDictionary<StoredDataCategory, string> Lines { get; init; }

    public required IReadOnlyDictionary<string, string> FieldNames { get; init; }

    /// <summary>Used for {fields} when an item has no answered fields.</summary>
    public required string NoFields { get; init; }

    public string DateFormat { get; init; } = "D";

    public string Culture { get; init; } = "en-US";
}
