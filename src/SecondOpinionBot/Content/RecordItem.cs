namespace SecondOpinionBot.Content;

/// <summary>One kind of record to gather before the visit.</summary>
/// <param name="Always">Asked of everyone, whatever the reasons and situation.</param>
/// <param name="Reasons">Chosen reasons that bring this item into the checklist.</param>
/// <param name="Situations">Situations that bring this item into the checklist.</param>
/// <param name="AfterHelp">
/// Not asked: added as "need help" once any other record is (the signed release our team needs to ask for records).
/// </param>
public sealed record RecordItem(
    string Id,
    string Item,
    string Why,
    string Source,
    bool Always,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Situations,
    SourceLocation Location,
    bool AfterHelp = false);
