using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Content;

/// <summary>
/// The host's short names for the engine's <see cref="TextNormalizer"/> (the one way to read words): pass the
/// catalog's <see cref="ContentCatalog.Normalizer"/> so the language's spellings apply. Clause breaks keep
/// "no, chest pain" from reading as "no chest pain".
/// </summary>
public static class PhraseText
{
    /// <summary>Token standing for a clause break (comma, full stop, new line, ...).</summary>
    public const string Break = TextNormalizer.Break;

    public static IReadOnlyList<string> Tokens(string? text, TextNormalizer? normalizer = null) =>
        (normalizer ?? TextNormalizer.Plain).Tokens(text);

    /// <summary>Words only, clause breaks removed; used to compare whole short phrases such as commands.</summary>
    public static string Words(string? text, TextNormalizer? normalizer = null) => (normalizer ?? TextNormalizer.Plain).Words(text);

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
