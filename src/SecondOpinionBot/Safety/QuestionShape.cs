using SecondOpinionBot.Content;

namespace SecondOpinionBot.Safety;

/// <summary>
/// Whether a message is a question: it ends with "?", or starts with a question word from words.yaml
/// (what/how/is it/can I/…), read through the language's normaliser so "wat" and "whats" count too.
/// "do not know" starts with "do" but is an answer.
/// </summary>
public static class QuestionShape
{
    public static bool IsQuestion(string? text, ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.TrimEnd().EndsWith('?'))
        {
            return true;
        }

        var words = catalog.Normalizer.Tokens(text).Where(t => t != PhraseText.Break).ToList();
        return words.Count > 1
            && catalog.Asides.QuestionStarts.Contains(words[0], StringComparer.Ordinal)
            && words[1] != "not";
    }
}
