namespace SecondOpinionBot.Dialogs.Language;

/// <summary>
/// Whole-word phrase matching on text read by a <see cref="TextNormalizer"/> (the lexicon's, or
/// <see cref="TextNormalizer.Plain"/>): words only, single spaces.
/// </summary>
public static class PhraseMatcher
{
    public static string Normalize(string text, TextNormalizer? normalizer = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (normalizer ?? TextNormalizer.Plain).Words(text);
    }

    /// <summary><see cref="Normalize"/> for a content phrase (a lexicon word, a choice set's name), never user text: read once and kept.</summary>
    public static string NormalizePhrase(string phrase, TextNormalizer? normalizer = null) => (normalizer ?? TextNormalizer.Plain).PhraseWords(phrase);

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="normalizedText"/> as whole words.</summary>
    public static bool ContainsPhrase(string normalizedText, string phrase, TextNormalizer? normalizer = null)
        => ContainsNormalized(normalizedText, Normalize(phrase, normalizer));

    /// <summary><see cref="ContainsPhrase"/> for a content phrase, read once and kept (<see cref="NormalizePhrase"/>).</summary>
    public static bool ContainsContentPhrase(string normalizedText, string phrase, TextNormalizer? normalizer = null)
        => ContainsNormalized(normalizedText, NormalizePhrase(phrase, normalizer));

    /// <summary>True when the already normalised <paramref name="phrase"/> occurs in <paramref name="normalizedText"/> as whole words.</summary>
    public static bool ContainsNormalized(string normalizedText, string phrase)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Length == 0 || phrase.Length > normalizedText.Length)
        {
            return false;
        }

        // Same as " {text} ".Contains(" {phrase} ") without building either string.
        for (var at = normalizedText.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
             at = at + 1 <= normalizedText.Length - phrase.Length ? normalizedText.IndexOf(phrase, at + 1, StringComparison.Ordinal) : -1)
        {
            var end = at + phrase.Length;
            if ((at == 0 || normalizedText[at - 1] == ' ') && (end == normalizedText.Length || normalizedText[end] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
