namespace SecondOpinionBot.Content;

/// <summary>One kind of record to gather before the visit.</summary>
/// <param name="Always">Asked of everyone, whatever the reasons and situation.</param>
/// <param name="Reasons">Chosen reasons that bring this item into the checklist.</param>
/// <param name="Situations">Situations that bring this item into the checklist.</param>
public sealed record RecordItem(
    string Id,
    string Item,
    string Why,
    string Source,
    bool Always,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Situations,
    SourceLocation Location);
