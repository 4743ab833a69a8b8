using SecondOpinionBot.Summary;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Summary;

public sealed class CaseSummaryTextTests
{
    [Fact]
    public void The_text_summary_has_every_section_heading_and_the_same_answers_as_the_card()
    {
        var text = CaseSummaryText.Render(EnglishWording.SentinelDraft(), EnglishWording.Summary, EnglishWording.Catalog);

        var headings = EnglishWording.Summary.Headings.Values.Select(h => text.IndexOf("\n\n" + h + "\n", StringComparison.Ordinal)).ToArray();
        Assert.All(headings, index => Assert.True(index > 0));
        Assert.Equal(headings.Order(), headings);
        Assert.Contains($"\n1. {Sentinels.Question}?\n2. What happens if we wait?", text, StringComparison.Ordinal);
        Assert.Contains("\n- Pathology report: I need help getting it", text, StringComparison.Ordinal);
        Assert.Contains("\n- Phone: " + Sentinels.Phone.Replace("+", "\\+", StringComparison.Ordinal), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_an_answer_cannot_start_new_sections_or_lists()
    {
        var draft = EnglishWording.SentinelDraft();
        draft.Concern = "first line\n\n# Your questions\n- fake item";

        var text = CaseSummaryText.Render(draft, EnglishWording.Summary, EnglishWording.Catalog);

        Assert.Contains("- Your concern: first line \\# Your questions - fake item", text, StringComparison.Ordinal);
    }
}
