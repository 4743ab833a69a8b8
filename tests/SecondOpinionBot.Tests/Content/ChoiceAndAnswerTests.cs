using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class ChoiceAndAnswerTests
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

    [Theory]
    [InlineData("I'm helping someone", "caregiver")]
    [InlineData("my mom", "caregiver")]
    [InlineData("me", "patient")]
    [InlineData("2", "caregiver")]
    [InlineData("the first one", "patient")]
    [InlineData("second", "caregiver")]
    public void RoleChoice_MatchesLabelSynonymNumberOrOrdinal(string text, string expected)
    {
        var choice = Content.Choices(ChoiceSetIds.Role).Match(text, Content.Answers.Ordinals);

        Assert.Equal(expected, choice?.Id);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("the fifth one")]
    [InlineData("my knee")]
    public void RoleChoice_NoMatch_ReturnsNull(string text)
    {
        Assert.Null(Content.Choices(ChoiceSetIds.Role).Match(text, Content.Answers.Ordinals));
    }

    [Fact]
    public void RecordStatus_NeedHelpWordsPickNeedHelp()
    {
        var set = Content.Choices(ChoiceSetIds.RecordStatus);

        Assert.Equal("need-help", set.Match("I need help getting it", Content.Answers.Ordinals)?.Id);
        Assert.Equal("not-applicable", set.Match("n/a", Content.Answers.Ordinals)?.Id);
    }
}
