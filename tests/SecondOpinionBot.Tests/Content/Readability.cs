using System.Text.RegularExpressions;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// Flesch–Kincaid grade level: 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
/// Syllables are counted with the usual vowel-group heuristic; glossary words count as one syllable.
/// </summary>
internal static partial class Readability
{
    public static double Grade(string text, IReadOnlySet<string> exemptWords)
    {
        var sentences = SentenceBreak().Split(text).Count(s => WordPattern().IsMatch(s));
        var words = WordPattern().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0 || sentences == 0)
        {
            return 0;
        }

        var syllables = words.Sum(w => exemptWords.Contains(w.ToLowerInvariant()) ? 1 : Syllables(w));
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    /// <summary>Vowel groups after dropping a silent final e / -es / -ed; never less than one.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.All(char.IsDigit))
        {
            return 1;
        }

        w = new string(w.Where(char.IsLetter).ToArray());
        if (w.Length <= 3)
        {
            return 1;
        }

        w = SilentEnding().Replace(w, "");
        w = LeadingY().Replace(w, "");
        var count = VowelGroup().Count(w);
        return Math.Max(1, count);
    }

    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[A-Za-z0-9]+(?:'[A-Za-z]+)?")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[.!?:;])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex("(?:[^laeiouy]es|[^td]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
