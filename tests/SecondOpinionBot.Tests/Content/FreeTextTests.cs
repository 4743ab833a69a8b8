using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class FreeTextTests
{
    [Fact]
    public void Clean_TrimsAndCollapsesWhitespace_AndDropsControlCharacters()
    {
        var result = FreeText.Clean("  My   knee\r\n\thurts \u0007 a lot  ");

        Assert.Equal("My knee hurts a lot", result.Text);
        Assert.False(result.WasCut);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void Clean_EmptyInput_IsEmptyText(string? input)
    {
        Assert.Equal(new FreeTextResult("", false), FreeText.Clean(input));
    }

    [Fact]
    public void Clean_LongText_IsCutAtAWordWithinTheLimit_AndSaysSo()
    {
        var input = string.Join(' ', Enumerable.Repeat("words", 200)); // 1,199 characters

        var result = FreeText.Clean(input, 500);

        Assert.True(result.WasCut);
        Assert.InRange(result.Text.Length, 376, 500);
        Assert.EndsWith("words", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_TextExactlyAtTheLimit_IsKept()
    {
        var input = new string('a', 500);

        Assert.Equal(new FreeTextResult(input, false), FreeText.Clean(input, 500));
    }

    [Fact]
    public void Clean_DoesNotSplitAnEmojiAtTheLimit()
    {
        var input = new string('a', 9) + "😀" + "b";

        var result = FreeText.Clean(input, 10);

        Assert.True(result.WasCut);
        Assert.Equal(new string('a', 9), result.Text);
    }

    [Fact]
    public void Clean_KeepsMarkupAsText()
    {
        var result = FreeText.Clean("<b>hi</b> [x](http://e.com)");

        Assert.Equal("<b>hi</b> [x](http://e.com)", result.Text);
    }

    [Fact]
    public void TooLongNote_NamesTheLimit()
    {
        var note = ContentFixture.English.Messages.Format(MessageKeys.TextTooLong, ("maxLength", "500"));

        Assert.Contains("500", note, StringComparison.Ordinal);
    }
}
