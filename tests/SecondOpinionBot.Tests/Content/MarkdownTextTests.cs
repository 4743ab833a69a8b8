using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("**bold**", @"\*\*bold\*\*")]
    [InlineData("_it_", @"\_it\_")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("[click](x)", @"\[click\]\(x\)")]
    [InlineData("<script>", "&lt;script&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("- item", @"\- item")]
    [InlineData("`code`", @"\`code\`")]
    public void Escape_NeutralisesMarkdownAndHtml(string input, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(input));
    }

    [Theory]
    [InlineData("see https://evil.example/login")]
    [InlineData("go to www.evil.example")]
    [InlineData("mail me at a@b.com")]
    public void Escape_BreaksAutoLinks(string input)
    {
        var escaped = MarkdownText.Escape(input);

        Assert.DoesNotContain("https://", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("www.", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("a@b", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_LeavesPlainWordsAlone()
    {
        Assert.Equal("My knee hurts", MarkdownText.Escape("My knee hurts"));
        Assert.Equal("", MarkdownText.Escape(null));
    }

    [Theory]
    [InlineData("**bold** _it_ [x](http://e.com) `c` # h <b> ~s~")]
    [InlineData("- list item")]
    [InlineData("see https://evil.example and www.evil.example, mail a@b.com")]
    public void ForCard_LeavesNoActiveMarkdownOrLinks(string input)
    {
        var card = MarkdownText.ForCard(input);

        Assert.DoesNotContain(card, ch => "*_[]`#<>~\\".Contains(ch, StringComparison.Ordinal));
        Assert.False(card.StartsWith('-'));
        Assert.DoesNotContain("://", card, StringComparison.Ordinal);
        Assert.DoesNotContain("www.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("a@b", card, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCard_KeepsPlainTextAndJoinsLines()
    {
        Assert.Equal("Maria (mother) - knee", MarkdownText.ForCard("Maria (mother)\n- knee"));
    }
}
