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

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="normalizedText"/> as whole words.</summary>
    public static bool ContainsPhrase(string normalizedText, string phrase, TextNormalizer? normalizer = null)
    {
        var p = Normalize(phrase, normalizer);
        return p.Length > 0 && $" {normalizedText} ".Contains($" {p} ", StringComparison.Ordinal);
    }
}
