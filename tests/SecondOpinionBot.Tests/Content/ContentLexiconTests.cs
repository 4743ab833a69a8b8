using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Tests.Content;

public sealed class ContentLexiconTests
{
    private static ContentCatalog Content => ContentFixture.English;

    [Theory]
    [InlineData("yeah", true)]
    [InlineData("of course", true)]
    [InlineData("nope", false)]
    [InlineData("not really", false)]
    [InlineData("not sure", null)]
    public void EngineYesNo_UsesTheContentWords(string answer, bool? expected)
    {
        var lexicon = ContentLexicon.From(Content);

        Assert.Equal(expected, YesNo.Recognize(answer, lexicon));
    }

    [Fact]
    public void Lexicon_TextsComeFromMessages_WithTheEngineDatePlaceholder()
    {
        var lexicon = ContentLexicon.From(Content);

        Assert.Equal(Content.Messages.Get(MessageKeys.EngineYesLabel), lexicon.YesLabel);
        Assert.Contains("{0}", lexicon.DateReadBack, StringComparison.Ordinal);
        Assert.Equal("en", ContentLexicon.From(ContentFixture.Catalogs).For("en-GB").Culture);
    }

    [Fact]
    public void EngineChoiceRecognizer_FindsContentChoicesBySynonym()
    {
        var choices = Content.Choices(ChoiceSetIds.Role).ToEngineChoices();

        Assert.Equal("caregiver", ChoiceRecognizer.RecognizeOne("my dad", choices, "en-us")?.Value);
        Assert.Equal("transport", ChoiceRecognizer.RecognizeOne("bus", Content.Needs.ToEngineChoices(), "en-us")?.Value);
        Assert.Equal("need-help", ChoiceRecognizer.RecognizeOne("I need help getting it", Content.Choices(ChoiceSetIds.RecordStatus).ToEngineChoices(), "en-us")?.Value);
    }
}
