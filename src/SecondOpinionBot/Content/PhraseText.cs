using System.Globalization;
using System.Text;

namespace SecondOpinionBot.Content;

/// <summary>
/// Normalises user text and content phrases the same way: lower case, accents and apostrophes dropped ("can't" → "cant"),
/// other punctuation turned into a clause break. Clause breaks keep "no, chest pain" from reading as "no chest pain".
/// </summary>
public static class PhraseText
{
    /// <summary>Token standing for a clause break (comma, full stop, new line, ...).</summary>
    public const string Break = "|";

    private const string SpacedBreak = " | ";

    public static IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '\u2019' or '\u2018' or '`')
            {
                // Dropped so "can't", "can’t" and "cant" are one word.
            }
            else if (ch is ' ' or '\t' or '-' or '/' or '_')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(SpacedBreak);
            }
        }

        var tokens = new List<string>();
        foreach (var token in builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == Break && (tokens.Count == 0 || tokens[^1] == Break))
            {
                continue;
            }

            tokens.Add(token);
        }

        if (tokens.Count > 0 && tokens[^1] == Break)
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return tokens;
    }

    /// <summary>Words only, clause breaks removed; used to compare whole short phrases such as commands.</summary>
    public static string Words(string? text) => string.Join(' ', Tokens(text).Where(t => t != Break));

    /// <summary>True when <paramref name="phrase"/>'s words appear in order, next to each other, inside <paramref name="tokens"/>.</summary>
    public static bool ContainsPhrase(IReadOnlyList<string> tokens, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0)
        {
            return false;
        }

        for (var start = 0; start + phrase.Count <= tokens.Count; start++)
        {
            var all = true;
            for (var i = 0; i < phrase.Count && all; i++)
            {
                all = tokens[start + i] == phrase[i];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
