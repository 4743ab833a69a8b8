using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// One way to read words: the language's normaliser (words.yaml spellings) feeds yes/no, choices, short answers,
/// commands, the glossary and the emergency check alike, so "i dont" means the same at every prompt.
/// </summary>
public sealed class NormalizerTableTests
{
    private static ContentCatalog Content => ContentFixture.English;

    [Theory]
    [InlineData("isnt", "is not")]
    [InlineData("Isn't", "is not")]
    [InlineData("he’s not breathing", "he is not breathing")]
    [InlineData("I CANT breath!!", "i can not breath")]
    [InlineData("cannot", "can not")]
    [InlineData("im", "i am")]
    [InlineData("wont", "will not")]
    [InlineData("dont no", "do not know")]
    [InlineData("he od'd last night", "he overdosed last night")]
    [InlineData("she ODd", "she overdosed")]
    [InlineData("that is odd", "that is odd")]
    [InlineData("ODD", "odd")]
    [InlineData("idk", "i do not know")]
    [InlineData("thats right", "that is right")]
    [InlineData("wat does biopsy mean", "what does biopsy mean")]
    [InlineData("whats a second opinion", "what is a second opinion")]
    [InlineData("talk to a human pls", "talk to a human please")]
    [InlineData("Café", "cafe")]
    public void Spellings_are_read_the_same_everywhere(string typed, string read)
        => Assert.Equal(read, Content.Normalizer.Words(typed));

    [Theory]
    [InlineData("i dont", false)]
    [InlineData("I don't", false)]
    [InlineData("thats right", true)]
    [InlineData("that's right", true)]
    [InlineData("yes", true)]
    [InlineData("nope", false)]
    [InlineData("dont no", null)]
    [InlineData("idk", null)]
    [InlineData("no idea", null)]
    [InlineData("dunno", null)]
    public void Yes_no_reads_contractions_and_not_sure(string answer, bool? expected)
        => Assert.Equal(expected, YesNo.Recognize(answer, ContentLexicon.From(Content)));

    [Theory]
    [InlineData("dont no", ShortAnswer.NotSure)]
    [InlineData("idk", ShortAnswer.NotSure)]
    [InlineData("no idea", ShortAnswer.NotSure)]
    [InlineData("i dont know", ShortAnswer.NotSure)]
    [InlineData("thats all", ShortAnswer.Done)]
    [InlineData("im ok", ShortAnswer.Continue)]
    public void Short_answers_read_the_same_spellings(string answer, ShortAnswer expected)
        => Assert.Equal(expected, Content.Answers.Match(answer));

    [Fact]
    public void Choices_read_the_same_spellings()
    {
        var lexicon = ContentLexicon.From(Content);
        var status = Content.Choices(ChoiceSetIds.RecordStatus).ToEngineChoices();
        Assert.Equal("not-applicable", ChoiceRecognizer.RecognizeOne("doesnt apply", status, "en-us", lexicon.Normalizer)?.Value);
        Assert.Equal("not-applicable", ChoiceRecognizer.RecognizeOne("it doesn't apply", status, "en-us", lexicon.Normalizer)?.Value);
    }

    [Theory]
    [InlineData("isnt breathing")]
    [InlineData("is not breathing")]
    [InlineData("isn't breathing")]
    public void The_emergency_check_reads_the_same_spellings(string text)
        => Assert.Equal(EmergencyLevel.Medical, new EmergencyRecognizer(ContentFixture.Catalogs).Classify(text, "en").Level);
}
