using SecondOpinionBot.Content;

namespace SecondOpinionBot.Intake;

/// <summary>
/// Words a question filled in from other content (a reason's own question, a record's name and where to get it, a
/// need's label, a suggested question), found in the language the question was asked in and given in another language
/// by the same id and field. Anything else (the patient's own words, numbers) is left as it is.
/// </summary>
internal static class ContentTextTranslation
{
    public static string Translate(string value, ContentCatalog from, ContentCatalog to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        foreach (var (text, inOther) in Texts(from))
        {
            if (string.Equals(text, value, StringComparison.Ordinal))
            {
                return inOther(to) ?? value;
            }
        }

        return value;
    }

    private static IEnumerable<(string Text, Func<ContentCatalog, string?> InOther)> Texts(ContentCatalog c)
    {
        foreach (var reason in c.Reasons)
        {
            var id = reason.Id;
            yield return (reason.Title, o => o.Reasons.FirstOrDefault(r => r.Id == id)?.Title);
            yield return (reason.Summary, o => o.Reasons.FirstOrDefault(r => r.Id == id)?.Summary);
            yield return (reason.Explanation, o => o.Reasons.FirstOrDefault(r => r.Id == id)?.Explanation);
            for (var i = 0; i < reason.SoundsLikeYou.Count; i++)
            {
                var index = i;
                yield return (reason.SoundsLikeYou[i], o => o.Reasons.FirstOrDefault(r => r.Id == id)?.SoundsLikeYou.ElementAtOrDefault(index));
            }
        }

        foreach (var record in c.Records)
        {
            var id = record.Id;
            yield return (record.Item, o => o.Records.FirstOrDefault(r => r.Id == id)?.Item);
            yield return (record.Why, o => o.Records.FirstOrDefault(r => r.Id == id)?.Why);
            yield return (record.Source, o => o.Records.FirstOrDefault(r => r.Id == id)?.Source);
        }

        foreach (var need in c.Needs)
        {
            var id = need.Id;
            yield return (need.Label, o => o.Needs.FirstOrDefault(n => n.Id == id)?.Label);
            yield return (need.Description, o => o.Needs.FirstOrDefault(n => n.Id == id)?.Description);
        }

        foreach (var question in c.Questions)
        {
            var id = question.Id;
            yield return (question.Text, o => o.Questions.FirstOrDefault(q => q.Id == id)?.Text);
        }
    }
}
