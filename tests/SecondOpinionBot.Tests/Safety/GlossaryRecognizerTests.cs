using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

public sealed class GlossaryRecognizerTests
{
    private readonly GlossaryRecognizer _recognizer = new(ContentFixture.Catalogs);

    [Theory]
    [InlineData("What does pathology mean?", "pathology")]
    [InlineData("what is anesthesia", "anaesthesia")]
    [InlineData("What's an implant?", "implant")]
    [InlineData("meaning of diagnosis", "diagnosis")]
    public void A_question_about_a_glossary_word_is_recognised_whatever_the_spelling(string text, string term)
    {
        var found = _recognizer.Recognize(text, "en");

        Assert.NotNull(found);
        Assert.Equal(InterruptionKind.Help, found.Kind);
        Assert.Equal(GlossaryRecognizer.DetailPrefix + term, found.Detail);
    }

    [Theory]
    [InlineData("My pathology report is late")]
    [InlineData("what does my doctor mean")]
    [InlineData("pathology")]
    [InlineData("")]
    public void Sentences_that_only_mention_a_word_are_left_to_the_dialog(string text) =>
        Assert.Null(_recognizer.Recognize(text, "en"));
}
