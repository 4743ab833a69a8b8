namespace SecondOpinionBot.Content;

/// <summary>
/// How choice ids read to people, from the content. Each feature fills its own wording record from the content the
/// same way (SummaryWordingFromContent, PrepSheetWordingFromContent, StoredDataWordingFromContent).
/// </summary>
public static class ContentWordings
{
    /// <summary>Titles and one-line explanations for reasons (summary), records (where from), needs, contact methods, relationships and authority.</summary>
    public static ChoiceCatalog ChoiceCatalog(this ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ChoiceCatalog(
            content.Reasons.ToDictionary(r => r.Id, r => new ChoiceText(r.Title, r.Summary), StringComparer.Ordinal),
            content.Records.ToDictionary(r => r.Id, r => new ChoiceText(r.Item, r.Source), StringComparer.Ordinal),
            content.Needs.ToDictionary(n => n.Id, n => new ChoiceText(n.Label, n.Description), StringComparer.Ordinal),
            Labels(content, ChoiceSetIds.ContactMethod),
            Labels(content, ChoiceSetIds.Relationship),
            Labels(content, ChoiceSetIds.ProxyAuthority));
    }

    private static Dictionary<string, ChoiceText> Labels(ContentCatalog content, string choiceSetId) =>
        content.Choices(choiceSetId).Choices.ToDictionary(c => c.Id, c => new ChoiceText(c.Label), StringComparer.Ordinal);
}
