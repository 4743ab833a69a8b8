namespace SecondOpinionBot.Content;

/// <summary>
/// How the journey's choice ids (reasons, records, needs, contact methods, a caregiver's relationship and authority)
/// read to people, from the content files.
/// <see cref="ChoiceText.Explanation"/> is a reason's one-line explanation or where a record usually comes from.
/// </summary>
public sealed record ChoiceCatalog(
    IReadOnlyDictionary<string, ChoiceText> Reasons,
    IReadOnlyDictionary<string, ChoiceText> Records,
    IReadOnlyDictionary<string, ChoiceText> Needs,
    IReadOnlyDictionary<string, ChoiceText> ContactMethods,
    IReadOnlyDictionary<string, ChoiceText>? Relationships = null,
    IReadOnlyDictionary<string, ChoiceText>? ProxyAuthorities = null)
{
    private static readonly Dictionary<string, ChoiceText> None = [];

    public IReadOnlyDictionary<string, ChoiceText> Relationships { get; init; } = Relationships ?? None;

    public IReadOnlyDictionary<string, ChoiceText> ProxyAuthorities { get; init; } = ProxyAuthorities ?? None;

    public static ChoiceCatalog FromTitles(
        IReadOnlyDictionary<string, string> reasonTitles,
        IReadOnlyDictionary<string, string> recordTitles,
        IReadOnlyDictionary<string, string> needTitles,
        IReadOnlyDictionary<string, string>? contactMethodTitles = null) =>
        new(Wrap(reasonTitles), Wrap(recordTitles), Wrap(needTitles), Wrap(contactMethodTitles ?? new Dictionary<string, string>()));

    /// <summary>The title for an id; an id the content does not know is shown as it is rather than dropped.</summary>
    public static string TitleOf(IReadOnlyDictionary<string, ChoiceText> choices, string id) =>
        choices.TryGetValue(id, out var choice) ? choice.Title : id;

    public static string? ExplanationOf(IReadOnlyDictionary<string, ChoiceText> choices, string id) =>
        choices.TryGetValue(id, out var choice) ? choice.Explanation : null;

    private static Dictionary<string, ChoiceText> Wrap(IReadOnlyDictionary<string, string> titles) =>
        titles.ToDictionary(pair => pair.Key, pair => new ChoiceText(pair.Value));
}

public sealed record ChoiceText(string Title, string? Explanation = null);
