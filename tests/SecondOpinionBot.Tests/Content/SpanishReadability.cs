using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// Fernández Huerta's reading ease for Spanish, the Spanish adaptation of Flesch's reading ease on the same 0–100
/// scale: 206.84 − 0.60 × (syllables per 100 words) − 1.02 × (words per sentence). 90+ very easy, 80–90 easy, 70–80
/// fairly easy ("bastante fácil"), 60–70 normal, below 60 hard. Glossary words count as one syllable, as in
/// <see cref="Readability"/>.
/// Syllables are counted here by hand because no package served to us does it (nuget.tsv has no Spanish hyphenation or
/// syllable library; Humanizer.Core.es only formats numbers and dates). Spanish spelling is regular enough for rules:
/// a syllable per vowel nucleus, where a weak vowel (i, u, ü, final y) next to another vowel joins it in a diphthong or
/// triphthong ("ciudad", "buey"), two strong vowels (a, e, o) are a hiatus ("cre-er"), an accented í or ú is always
/// its own syllable ("dí-a", "pa-ís"), and the u of que, qui, gue, gui is silent.
/// </summary>
internal static partial class SpanishReadability
{
    public static double ReadingEase(string text, IReadOnlyCollection<string[]> exemptWords)
    {
        var sentences = SentenceBreak().Split(text).Count(s => WordPattern().IsMatch(s));
        var words = Words(text).ToList();
        if (words.Count == 0 || sentences == 0)
        {
            return 100;
        }

        var syllables = 0;
        for (var i = 0; i < words.Count;)
        {
            var exempt = exemptWords.Where(form => Matches(words, i, form)).MaxBy(form => form.Length);
            if (exempt is not null)
            {
                syllables += exempt.Length; // one syllable per word of the glossary term
                i += exempt.Length;
            }
            else
            {
                syllables += Syllables(words[i]);
                i++;
            }
        }

        return 206.84 - (0.60 * 100.0 * syllables / words.Count) - (1.02 * words.Count / sentences);
    }

    /// <summary>The spoken syllables of one Spanish word; figures count as one, as in the English counter.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.All(char.IsDigit))
        {
            return 1;
        }

        // The u of que, qui, gue, gui is not said ("queso", "guerra"); gü is ("pingüino").
        w = SilentU().Replace(w, "$1");
        var count = 0;
        char? previous = null;
        for (var i = 0; i < w.Length; i++)
        {
            var ch = w[i];
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            if (!IsVowel(ch, next))
            {
                previous = null;
                continue;
            }

            // A new syllable at the first vowel of a run, and inside a run at a hiatus.
            if (previous is not { } p || IsHiatus(p, ch))
            {
                count++;
            }

            previous = ch;
        }

        return Math.Max(1, count);
    }

    /// <summary>y is a vowel when no vowel follows it ("muy", "hoy", "y"), a consonant before one ("yo", "haya").</summary>
    private static bool IsVowel(char ch, char next) =>
        "aeiouáéíóúü".Contains(ch) || (ch == 'y' && !"aeiouáéíóú".Contains(next));

    private static bool IsHiatus(char a, char b) => (IsStrong(a) && IsStrong(b)) || IsAccentedWeak(a) || IsAccentedWeak(b);

    private static bool IsStrong(char ch) => "aeoáéó".Contains(ch);

    private static bool IsAccentedWeak(char ch) => ch is 'í' or 'ú';

    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    /// <summary>A glossary form as lower-case words without accents, to find it in text whatever the accents.</summary>
    public static string[] FormWords(string form) => Words(form).Select(Plain).ToArray();

    private static bool Matches(List<string> words, int at, string[] form) =>
        at + form.Length <= words.Count && form.Select((f, k) => Plain(words[at + k]) == f).All(x => x);

    private static string Plain(string word)
    {
        var plain = new StringBuilder(word.Length);
        foreach (var ch in word.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(ch);
            }
        }

        return plain.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[.!?:;])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex("([qg])u(?=[eiéí])")]
    private static partial Regex SilentU();
}
