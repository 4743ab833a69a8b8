using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Recognizers.Text;

namespace SecondOpinionBot.Dialogs.Language;

/// <summary>The user's language for one turn: the host's choice for the turn (<see cref="Choose"/>), else the activity's locale.</summary>
/// <param name="Locale">The chosen locale, or the lexicon's culture when there was none.</param>
/// <param name="RecognizerCulture">The Microsoft.Recognizers.Text culture nearest to the locale ("en-us", "es-mx"…).</param>
/// <param name="Formatting">For dates and numbers read back to the user.</param>
public sealed record TurnLanguage(string Locale, Lexicon Lexicon, string RecognizerCulture, CultureInfo Formatting)
{
    private const string ChosenKey = "SecondOpinionBot.Dialogs.TurnLanguage";

    public static TurnLanguage For(string? locale, LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        var lexicon = lexicons.For(locale);
        var effective = string.IsNullOrWhiteSpace(locale) ? lexicon.Culture : locale;
        return new TurnLanguage(effective, lexicon, Culture.MapToNearestLanguage(effective), FormattingCulture(effective));
    }

    public static TurnLanguage For(ITurnContext turn, LexiconSet lexicons) => For(LocaleOf(turn), lexicons);

    /// <summary>
    /// The host decided the user's language for this turn (e.g. a language the user chose, kept in their draft):
    /// the engine, its prompts and everything reading <see cref="LocaleOf"/> use it instead of the activity's locale.
    /// </summary>
    public static void Choose(ITurnContext turn, string locale)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        turn.TurnState[ChosenKey] = locale;
    }

    /// <summary>The locale chosen for this turn, else the one the channel sent (may be null).</summary>
    public static string? LocaleOf(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.TurnState.TryGetValue(ChosenKey, out var chosen) && chosen is string locale ? locale : turn.Activity?.Locale;
    }

    /// <summary>Whether the host chose a language for this turn.</summary>
    public static bool IsChosen(ITurnContext turn) => turn?.TurnState.ContainsKey(ChosenKey) == true;

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
