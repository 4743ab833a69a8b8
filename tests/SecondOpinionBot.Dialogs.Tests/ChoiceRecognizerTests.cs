using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

public class ChoiceRecognizerTests
{
    private static readonly Choice[] Records =
    [
        new("imaging", "Scans and imaging", ["x-ray", "mri", "ct"]),
        new("pathology", "Pathology report", ["biopsy"]),
        new("letters", "Doctor's letters"),
        new("cardiology", "Cardiology notes"),
    ];

    [Theory]
    [InlineData("pathology", "pathology")]
    [InlineData("SCANS AND IMAGING", "imaging")]
    [InlineData("the MRI", "imaging")]
    [InlineData("I have a biopsy result", "pathology")]
    [InlineData("2", "pathology")]
    [InlineData("number 3", "letters")]
    [InlineData("the second one", "pathology")]
    [InlineData("the last one", "cardiology")]
    [InlineData("cardio", "cardiology")]
    [InlineData("doctor's letters", "letters")]
    public void RecognizeOne_FindsTheChoiceTheUserMeant(string answer, string expected)
        => Assert.Equal(expected, ChoiceRecognizer.RecognizeOne(answer, Records, "en-us")?.Value);

    [Theory]
    [InlineData("7")]
    [InlineData("notes or report")]
    [InlineData("something else entirely")]
    [InlineData("")]
    public void RecognizeOne_FailsOnOutOfRangeAmbiguousOrUnknownAnswers(string answer)
        => Assert.Null(ChoiceRecognizer.RecognizeOne(answer, Records, "en-us"));

    [Fact]
    public void RecognizeMany_MixesNumbersAndNames()
    {
        var found = ChoiceRecognizer.RecognizeMany("1, 3 and pathology", Records, "en-us", TestLexicon.English);
        Assert.Equal(["imaging", "pathology", "letters"], found.Select(f => f.Value));
    }

    [Fact]
    public void RecognizeMany_ReadsACardsCommaSeparatedValues()
    {
        var found = ChoiceRecognizer.RecognizeMany("letters,imaging", Records, "en-us", TestLexicon.English);
        Assert.Equal(["imaging", "letters"], found.Select(f => f.Value));
    }

    [Fact]
    public void RecognizeMany_KeepsATitleThatContainsAJoinerWord()
        => Assert.Equal(["imaging"], ChoiceRecognizer.RecognizeMany("scans and imaging", Records, "en-us", TestLexicon.English).Select(f => f.Value));

    [Fact]
    public void RecognizeMany_RefusesWhenAPartIsNotUnderstood()
        => Assert.Empty(ChoiceRecognizer.RecognizeMany("1 and my shoe size", Records, "en-us", TestLexicon.English));
}
