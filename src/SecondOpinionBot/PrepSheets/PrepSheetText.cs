using System.Text;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.PrepSheets;

/// <summary>
/// The prep sheet as a chat message (the default way to deliver it): blank lines between sections, list lines for
/// items, and the user's own words escaped so nothing they typed turns into formatting or a link.
/// </summary>
public static class PrepSheetText
{
    public static string Render(CaseDetails draft, string? caseReference, DateTimeOffset? caseCreatedAt, PrepSheetWording wording, ChoiceCatalog catalog) =>
        Render(PrepSheetBuilder.Build(draft, caseReference, caseCreatedAt, wording, catalog));

    public static string Render(PrepSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var text = new StringBuilder(sheet.Title).Append("\n\n").Append(sheet.Intro);
        foreach (var fact in sheet.Header.Where(f => f.Value.Length > 0))
        {
            text.Append("\n\n").Append(fact.Label).Append(": ").Append(MarkdownText.Escape(fact.Value));
        }

        Section(text, sheet.ReasonsHeading, sheet.Reasons.Select(r =>
            "- " + MarkdownText.Escape(r.Title) + (r.Explanation is null ? "" : ": " + r.Explanation)), sheet.NothingYet);
        Section(text, sheet.QuestionsHeading, sheet.Questions.Select((q, i) => $"{i + 1}. {MarkdownText.Escape(q)}"), sheet.NothingYet);
        Section(text, sheet.RecordsHeading, sheet.Records.Select(r =>
            $"- {MarkdownText.Escape(r.Title)}: {r.Status}" + (r.Source is null ? "" : $" ({r.SourceLabel} {r.Source})")), sheet.NothingYet);
        if (sheet.KeyDates.Count > 0)
        {
            Section(text, sheet.DatesHeading, sheet.KeyDates.Select(d => $"- {d.Label}: {d.Value}"), sheet.NothingYet);
        }

        return text.Append("\n\n").Append(sheet.Footer).ToString();
    }

    private static void Section(StringBuilder text, string heading, IEnumerable<string> lines, string nothing)
    {
        var items = lines.ToArray();
        text.Append("\n\n").Append(heading).Append('\n');
        text.Append(items.Length == 0 ? nothing : string.Join('\n', items));
    }
}
