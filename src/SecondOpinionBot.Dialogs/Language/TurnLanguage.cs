using System.Globalization;
using Microsoft.Recognizers.Text;

namespace SecondOpinionBot.Dialogs.Language;

/// <summary>The user's language for one turn, from the activity's locale.</summary>
/// <param name="Locale">The activity's locale, or the lexicon's culture when the channel sent none.</param>
/// <param name="RecognizerCulture">The Microsoft.Recognizers.Text culture nearest to the locale ("en-us", "en-*"…).</param>
/// <param name="Formatting">For dates and numbers read back to the user.</param>
public sealed record TurnLanguage(string Locale, Lexicon Lexicon, string RecognizerCulture, CultureInfo Formatting)
{
    public static TurnLanguage For(string? locale, LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        var lexicon = lexicons.For(locale);
        var effective = string.IsNullOrWhiteSpace(locale) ? lexicon.Culture : locale;
        return new TurnLanguage(effective, lexicon, Culture.MapToNearestLanguage(effective), FormattingCulture(effective));
    }

    private static CultureInfo FormattingCulture(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
