using SecondOpinionBot.Text;

namespace SecondOpinionBot.Tests.Summary;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("Dr. Lee said it's fine, but I'm not sure (really).", "Dr. Lee said it's fine, but I'm not sure (really).")]
    [InlineData("see https://x.example or www.y.example", "see https\\://x.example or www\\.y.example")]
    [InlineData("[a](b) ![img](c)", "\\[a\\](b) !\\[img\\](c)")]
    [InlineData("me@example.org", "me\\@example.org")]
    [InlineData("2. second", "2\\. second")]
    [InlineData("- item", "\\- item")]
    [InlineData("  two\r\n\r\nlines\t here ", "two lines here")]
    [InlineData("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>")]
    [InlineData(null, "")]
    public void Escaping_keeps_sentences_readable_and_makes_markup_inert(string? input, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(input));
    }
}
