using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Choices;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// Everyday ways of saying when to call, typed instead of tapped: each is kept as the choice it means, with no
/// read-back, exactly as the contact step reads it (its choice set's labels and synonyms, the language's spellings).
/// </summary>
public sealed class ContactTimesWordsTests
{
    [Theory]
    [InlineData("es", "las tardes", "afternoons")]
    [InlineData("es", "en la tarde", "afternoons")]
    [InlineData("es", "Por la mañana", "mornings")]
    [InlineData("es", "por la manana", "mornings")]
    [InlineData("es", "cualquier hora", "any-time")]
    [InlineData("en", "in the afternoon", "afternoons")]
    [InlineData("en", "Morning", "mornings")]
    [InlineData("en", "anytime", "any-time")]
    public void A_typed_time_of_day_is_the_choice_it_means(string language, string typed, string expected)
    {
        var content = ContentFixture.Catalogs.For(language);
        var choices = content.Choices(ChoiceSetIds.ContactTimes).ToEngineChoices();

        var found = ChoiceRecognizer.RecognizeExact(typed, choices, language == "es" ? "es-mx" : "en-us", content.Normalizer);

        Assert.Equal(expected, found?.Value);
    }

    [Theory]
    [InlineData("es", "después de las 3")]
    [InlineData("en", "weekdays after 3pm")]
    public void A_time_with_more_in_it_is_left_for_the_read_back(string language, string typed)
    {
        var content = ContentFixture.Catalogs.For(language);
        var choices = content.Choices(ChoiceSetIds.ContactTimes).ToEngineChoices();

        Assert.Null(ChoiceRecognizer.RecognizeExact(typed, choices, language == "es" ? "es-mx" : "en-us", content.Normalizer));
    }
}
