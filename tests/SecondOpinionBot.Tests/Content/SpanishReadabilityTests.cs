using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// Plain language in Spanish, with limits equivalent to the English test's: Flesch–Kincaid grade 9 at most per text
/// and 7 on average correspond on Flesch's reading-ease scale, which Fernández Huerta keeps for Spanish, to 60
/// ("normal", grades 8–9) and 70 ("bastante fácil", grade 7). Medical words in es/glossary.yaml don't count.
/// </summary>
public sealed class SpanishReadabilityTests
{
    private const double MinEasePerText = 60;
    private const double MinAverageEase = 70;

    private static ContentCatalog Spanish => ContentFixture.Catalogs.For("es");

    private static List<string[]> GlossaryWords(ContentCatalog c) =>
        [.. c.Glossary.SelectMany(g => g.Forms.Append(g.Term)).Select(SpanishReadability.FormWords).Where(f => f.Length > 0)];

    /// <summary>Below this many words a text is scored together with the other short texts of its group.</summary>
    private const int ShortTextWords = 8;

    /// <summary>What a Spanish reader reads: everything but the records letters' own text, which stays in English.</summary>
    private static IEnumerable<PatientFacingText.Unit> SpanishTexts(ContentCatalog c) =>
        PatientFacingText.All(c).Where(u => u.Source != "letter" && !u.Source.StartsWith("letter office", StringComparison.Ordinal));

    /// <summary>
    /// The texts as scored. Fernández Huerta, like Flesch's reading ease, is a rate per hundred words: a text of two or
    /// three words has no meaningful score ("Gracias. Empecemos." scores 26 for one three-syllable word). So texts of
    /// fewer than eight words are scored together, as one unit, the way the English test pools short labels.
    /// </summary>
    private static IEnumerable<PatientFacingText.Unit> Scored(ContentCatalog c)
    {
        var units = SpanishTexts(c).ToList();
        foreach (var unit in units.Where(u => SpanishReadability.Words(u.Text).Count() >= ShortTextWords))
        {
            yield return unit;
        }

        var shortTexts = units.Where(u => SpanishReadability.Words(u.Text).Count() < ShortTextWords).ToList();
        yield return new PatientFacingText.Unit($"{shortTexts.Count} short texts", string.Join(" ", shortTexts.Select(u => Sentence(u.Text))));
    }

    private static string Sentence(string text) => text.TrimEnd() is var t && ".?!:".Contains(t[^1]) ? t : t + ".";

    [Theory]
    [InlineData("sol", 1)]
    [InlineData("casa", 2)]
    [InlineData("médico", 3)]
    [InlineData("día", 2)]
    [InlineData("país", 2)]
    [InlineData("ciudad", 2)]
    [InlineData("creer", 2)]
    [InlineData("europeo", 4)]
    [InlineData("buey", 1)]
    [InlineData("muy", 1)]
    [InlineData("hoy", 1)]
    [InlineData("y", 1)]
    [InlineData("yo", 1)]
    [InlineData("haya", 2)]
    [InlineData("que", 1)]
    [InlineData("guerra", 2)]
    [InlineData("pingüino", 3)]
    [InlineData("aguacate", 4)]
    [InlineData("ahí", 2)]
    [InlineData("prohíbe", 3)]
    [InlineData("opinión", 3)]
    [InlineData("diagnóstico", 4)]
    [InlineData("tratamiento", 4)]
    [InlineData("radiografía", 5)]
    [InlineData("quimioterapia", 5)]
    [InlineData("reír", 2)]
    [InlineData("oigo", 2)]
    public void SyllableCounter_CountsSpokenSpanishSyllables(string word, int syllables)
    {
        Assert.Equal(syllables, SpanishReadability.Syllables(word));
    }

    [Fact]
    public void ReadingEase_RanksPlainSpanishAboveDenseSpanish()
    {
        var plain = SpanishReadability.ReadingEase("Le llamamos pronto. Puede preguntar lo que quiera.", []);
        var dense = SpanishReadability.ReadingEase(
            "La evaluación interdisciplinaria exhaustiva facilita considerablemente la individualización de las decisiones terapéuticas.", []);

        Assert.True(plain > 80, $"plain text scored {plain:F0}");
        Assert.True(dense < 30, $"dense text scored {dense:F0}");
    }

    [Fact]
    public void TheGlossary_ExemptsItsWords_AsInEnglish()
    {
        var text = "Le hicieron una biopsia y un diagnóstico de patología.";
        var plain = SpanishReadability.ReadingEase(text, []);
        var exempt = SpanishReadability.ReadingEase(text, GlossaryWords(Spanish));

        Assert.True(exempt > plain, $"{exempt:F0} should be above {plain:F0}");
    }

    [Fact]
    public void EverySpanishPatientFacingText_IsAtLeastNormal_AndFairlyEasyOnAverage()
    {
        var exempt = GlossaryWords(Spanish);
        var scored = Scored(Spanish)
            .Select(u => (u.Source, u.Text, Ease: SpanishReadability.ReadingEase(u.Text, exempt)))
            .ToList();

        var tooHard = scored.Where(s => s.Ease < MinEasePerText)
            .Select(s => $"{s.Source} (ease {s.Ease:F0}): {s.Text}")
            .ToList();
        var average = scored.Average(s => s.Ease);

        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "so-readability-es.txt"),
            scored.OrderBy(s => s.Ease).Select(s => $"{s.Ease,5:F0}  {s.Source}: {s.Text}").Prepend($"average {average:F1}"));
        Assert.True(scored.Count > 150, $"only {scored.Count} texts found; the scan is missing content");
        Assert.True(tooHard.Count == 0, "Escriba con palabras más sencillas / rewrite in plainer Spanish:\n" + string.Join("\n", tooHard));
        Assert.True(average >= MinAverageEase, $"average reading ease {average:F1} is below {MinAverageEase}");
    }

    [Fact]
    public void EverySpanishGlossaryWord_IsUsed_AndExplainedInPlainWords()
    {
        var c = Spanish;
        var allText = string.Join("\n", SpanishTexts(c).Where(u => !u.Source.StartsWith("glossary", StringComparison.Ordinal)).Select(u => u.Text)
            .Concat(c.Situations.SelectMany(s => s.Keywords)).Concat(c.Needs.SelectMany(n => n.Synonyms)).Concat(c.ChoiceSets.SelectMany(s => s.Choices).SelectMany(ch => ch.Synonyms)));
        var used = " " + c.Normalizer.Words(allText) + " ";

        var unused = c.Glossary.Where(t => !t.Forms.Any(f => used.Contains(" " + c.Normalizer.Words(f) + " ", StringComparison.Ordinal))).Select(t => t.Term).ToList();
        var hard = c.Glossary.Select(t => (t.Term, Ease: SpanishReadability.ReadingEase(t.Explanation, [])))
            .Where(t => t.Ease < MinEasePerText).Select(t => $"{t.Term} ({t.Ease:F0})").ToList();

        Assert.True(unused.Count == 0, "glossary words never used (remove them): " + string.Join(", ", unused));
        Assert.True(hard.Count == 0, "explanations to write in plainer words: " + string.Join(", ", hard));
    }
}
