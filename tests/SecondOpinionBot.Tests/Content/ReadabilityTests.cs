using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class ReadabilityTests
{
    private const double MaxGradePerText = 9;
    private const double MaxAverageGrade = 7;

    private static ContentCatalog Content => ContentFixture.English;

    private static HashSet<string> GlossaryWords(ContentCatalog c) =>
        c.Glossary.SelectMany(g => g.Forms).Select(f => f.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("doctor", 2)]
    [InlineData("treatment", 2)]
    [InlineData("records", 2)]
    [InlineData("opinion", 3)]
    [InlineData("anaesthesia", 4)]
    [InlineData("hopes", 1)]
    [InlineData("wanted", 2)]
    public void SyllableCounter_IsCloseToSpokenSyllables(string word, int syllables)
    {
        Assert.Equal(syllables, Readability.Syllables(word));
    }

    [Fact]
    public void Grade_RanksPlainTextBelowDenseText()
    {
        var plain = Readability.Grade("We will call you soon. You can ask us anything.", new HashSet<string>());
        var dense = Readability.Grade(
            "Comprehensive interdisciplinary evaluation substantially facilitates individualized therapeutic decision-making.",
            new HashSet<string>());

        Assert.True(plain < 4, $"plain text scored {plain:F1}");
        Assert.True(dense > 15, $"dense text scored {dense:F1}");
    }

    [Fact]
    public void EveryPatientFacingText_IsAtMostGrade9_AndAverageAtMost7()
    {
        var exempt = GlossaryWords(Content);
        var scored = PatientFacingText.All(Content)
            .Select(u => (u.Source, u.Text, Grade: Readability.Grade(u.Text, exempt)))
            .ToList();

        var tooHard = scored.Where(s => s.Grade > MaxGradePerText)
            .Select(s => $"{s.Source} (grade {s.Grade:F1}): {s.Text}")
            .ToList();
        var average = scored.Average(s => s.Grade);

        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "so-readability.txt"),
            scored.OrderByDescending(s => s.Grade).Select(s => $"{s.Grade,5:F1}  {s.Source}: {s.Text}").Prepend($"average {average:F2}"));
        Assert.True(scored.Count > 150, $"only {scored.Count} texts found; the scan is missing content");
        Assert.True(tooHard.Count == 0, "Rewrite in plainer words:\n" + string.Join("\n", tooHard));
        Assert.True(average <= MaxAverageGrade, $"average grade {average:F2} is above {MaxAverageGrade}");
    }

    [Fact]
    public void EveryGlossaryWord_IsUsedInTheContent_AndExplainedInPlainWords()
    {
        // Used: in what the bot says, or among the words patients use about their care (situation keywords such as
        // "biopsy"), which they then ask about.
        var allText = string.Join("\n", PatientFacingText.All(Content).Where(u => !u.Source.StartsWith("glossary", StringComparison.Ordinal)).Select(u => u.Text)
            .Concat(Content.Situations.SelectMany(s => s.Keywords)));
        var used = " " + Content.Normalizer.Words(allText) + " ";
        var otherGlossaryWords = GlossaryWords(Content);

        foreach (var term in Content.Glossary)
        {
            Assert.True(term.Forms.Any(f => used.Contains(" " + Content.Normalizer.Words(f) + " ", StringComparison.Ordinal)), $"glossary word '{term.Term}' is never used; remove it");

            // The explanation itself must be plain without any exemption.
            var grade = Readability.Grade(term.Explanation, new HashSet<string>());
            Assert.True(grade <= MaxGradePerText, $"explanation of '{term.Term}' is grade {grade:F1}");
            var ownForms = term.Forms.Select(f => f.ToLowerInvariant()).ToHashSet();
            var leaning = Readability.Words(term.Explanation).Select(w => w.ToLowerInvariant())
                .Where(w => otherGlossaryWords.Contains(w) && !ownForms.Contains(w)).ToList();
            Assert.True(leaning.Count == 0, $"explanation of '{term.Term}' leans on other glossary words: {string.Join(", ", leaning)}");
        }
    }
}
