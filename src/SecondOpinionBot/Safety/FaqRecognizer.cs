using System.Collections.Concurrent;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>
/// "Is this free?", "will my doctor mind?": a question (see <see cref="QuestionShape"/>) that contains one of a
/// faq.yaml entry's ways of asking, as whole words, is answered as help and the question on screen comes back.
/// Sentences that are not questions are left to the dialog, so "the cost worries me" stays an answer.
/// </summary>
public sealed class FaqRecognizer(ContentCatalogs content) : IInterruptionRecognizer
{
    /// <summary>The detail of the Help interruption: this prefix, then the faq entry's id.</summary>
    public const string DetailPrefix = "faq:";

    private readonly ConcurrentDictionary<string, List<(string Id, string[] Words)>> _asks = new(StringComparer.Ordinal);

    public Interruption? Recognize(string text, string culture)
    {
        var catalog = content.For(culture);
        if (!QuestionShape.IsQuestion(text, catalog))
        {
            return null;
        }

        var asks = _asks.GetOrAdd(catalog.Culture, _ => catalog.Faq
            .SelectMany(f => f.Asks.Select(a => (f.Id, Words: PhraseText.Tokens(a, catalog.Normalizer).Where(t => t != PhraseText.Break).ToArray())))
            .Where(a => a.Words.Length > 0)
            .OrderByDescending(a => a.Words.Length)
            .ToList());
        var tokens = PhraseText.Tokens(text, catalog.Normalizer).Where(t => t != PhraseText.Break).ToList();
        foreach (var (id, words) in asks)
        {
            if (PhraseText.ContainsPhrase(tokens, words))
            {
                return new Interruption(InterruptionKind.Help, DetailPrefix + id);
            }
        }

        return null;
    }
}
