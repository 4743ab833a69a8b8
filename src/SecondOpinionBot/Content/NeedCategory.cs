namespace SecondOpinionBot.Content;

/// <summary>A practical need (coverage, transport, ...). <see cref="IsNone"/> marks the "none of these" choice.</summary>
public sealed record NeedCategory(
    string Id,
    string Label,
    string Description,
    IReadOnlyList<string> Synonyms,
    bool IsNone,
    SourceLocation Location);
