using System.Text;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Summary;

/// <summary>
/// The same summary as the card, as a message for channels or people that prefer text. Sections are separated by
/// blank lines and items are list lines, so it reads the same whether or not the channel renders markdown.
/// </summary>
public static class CaseSummaryText
{
    public static string Render(CaseDetails draft, SummaryCardText text, ChoiceCatalog catalog)
    {
        var builder = new StringBuilder();
        builder.Append(text.Title).Append("\n\n").Append(text.Intro);
        foreach (var section in SummaryContent.Build(draft, text, catalog))
        {
            builder.Append("\n\n").Append(section.Heading);
            foreach (var block in section.Blocks)
            {
                builder.Append('\n').Append(Render(block));
            }
        }

        return builder.ToString();
    }

    internal static string Render(SummaryBlock block) => block switch
    {
        SummaryParagraph paragraph => paragraph.Text,
        SummaryList { Numbered: true } list => string.Join('\n', list.Items.Select((item, i) => $"{i + 1}. {item}")),
        SummaryList list => string.Join('\n', list.Items.Select(item => "- " + item)),
        SummaryFacts facts => string.Join('\n', facts.Facts.Select(f => $"- {f.Label}: {f.Value}")),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown summary block."),
    };
}
