using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class ShortAnswerTests
{
    private static ContentCatalog Content => ContentFixture.English;

    [Theory]
    [InlineData("yes", ShortAnswer.Yes)]
    [InlineData("Yeah, that's right", ShortAnswer.Yes)]
    [InlineData("nope", ShortAnswer.No)]
    [InlineData("I'm not sure", ShortAnswer.NotSure)]
    [InlineData("dunno", ShortAnswer.NotSure)]
    [InlineData("skip", ShortAnswer.Skip)]
    [InlineData("that's all", ShortAnswer.Done)]
    [InlineData("continue", ShortAnswer.Continue)]
    [InlineData("I'm safe", ShortAnswer.Continue)]
    public void ShortAnswers_AreRecognised(string text, ShortAnswer expected)
    {
        Assert.Equal(expected, Content.Answers.Match(text));
    }

    [Theory]
    [InlineData("not yet, they said maybe in May")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void LongerAnswers_AreNotShortAnswers(string text)
    {
        Assert.Null(Content.Answers.Match(text));
    }
}
