using System.Globalization;
using System.Text;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

/// <summary>
/// The Spanish review sheet (Data/emergency-phrasings-es.tsv) through the real recognizer with the Spanish content:
/// emergencies caught, negations ("no tengo dolor en el pecho") and history calm, ordinary journey answers never
/// flagged. Every row is also run as people type without accents ("se desmayo", "estan"), and in capitals.
/// </summary>
public sealed class SpanishEmergencyPhrasingTests
{
    private readonly EmergencyRecognizer _recognizer = new(ContentFixture.Catalogs);

    [Fact]
    public void The_sheet_covers_every_category_of_the_English_one()
    {
        var rows = EmergencyPhrasings.Spanish;
        Assert.True(rows.Count(r => r.Expected == EmergencyPhrasing.Medical) >= 60, $"{rows.Count(r => r.Expected == EmergencyPhrasing.Medical)} medical rows");
        Assert.True(rows.Count(r => r.Expected == EmergencyPhrasing.SelfHarm) >= 20, $"{rows.Count(r => r.Expected == EmergencyPhrasing.SelfHarm)} self-harm rows");
        Assert.True(rows.Count(r => r.Expected == EmergencyPhrasing.None) >= 50, $"{rows.Count(r => r.Expected == EmergencyPhrasing.None)} calm rows");
        Assert.Contains(rows, r => r.Expected == EmergencyPhrasing.Note);
        foreach (var category in new[] { "collapse", "breathing", "chest", "stroke", "seizure", "allergy", "poisoning", "bleeding", "headInjury", "child", "general", "direct", "indirect", "passive", "negation", "journey" })
        {
            Assert.Contains(rows, r => r.Category == category);
        }
    }

    [Fact]
    public void Every_Spanish_phrasing_gets_its_expected_outcome_with_and_without_accents()
    {
        var wrong = EmergencyPhrasings.Spanish
            .SelectMany(row => new[] { row.Text, WithoutAccents(row.Text), row.Text.ToUpperInvariant() }.Distinct().Select(text => (row, text)))
            .Select(x => (x.row, x.text, got: EmergencyPhrasingTableTests.Outcome(_recognizer.Classify(x.text, "es").Level)))
            .Where(x => x.got != x.row.Expected)
            .Select(x => $"[{x.row.Category} → {x.row.Expected}] {x.text} — got {x.got}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Spanish_emergencies_are_caught_in_an_English_chat_and_English_ones_in_a_Spanish_chat()
    {
        // A Spanish speaker may write before the chat knows their language; an English speaker may be in a
        // Spanish-locale Teams. Calm texts in the other language are not asserted: the other language's negation and
        // history words are unknown there, so some of them alarm (erring toward alarm), as listed in the README.
        var missed = EmergencyPhrasings.Spanish.Where(r => r.IsEmergency).Select(r => (r, culture: "en"))
            .Concat(EmergencyPhrasings.All.Where(r => r.IsEmergency).Select(r => (r, culture: "es")))
            .Select(x => (x.r, x.culture, got: EmergencyPhrasingTableTests.Outcome(_recognizer.Classify(x.r.Text, x.culture).Level)))
            .Where(x => x.got is EmergencyPhrasing.None or EmergencyPhrasing.Note)
            .Select(x => $"in a `{x.culture}` chat: {x.r} — got {x.got}")
            .ToList();

        Assert.True(missed.Count == 0, $"{missed.Count} missed:\n" + string.Join("\n", missed));
    }

    [Theory]
    [InlineData("es-MX")]
    [InlineData("es-US")]
    [InlineData("es")]
    public void A_Spanish_locale_reads_Spanish_emergencies(string locale)
    {
        Assert.Equal(EmergencyLevel.Medical, _recognizer.Classify("me duele el pecho", locale).Level);
        Assert.Equal(EmergencyLevel.SelfHarm, _recognizer.Classify("me quiero morir", locale).Level);
        Assert.Equal(EmergencyLevel.None, _recognizer.Classify("no tengo dolor en el pecho", locale).Level);
    }

    private static string WithoutAccents(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(ch);
            }
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
