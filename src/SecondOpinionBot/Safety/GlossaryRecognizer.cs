using System.Collections.Concurrent;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>
/// "What does pathology mean?": a question about a word from the glossary, asked in one of the content's ways
/// (words.yaml whatDoesItMean), answered as help with the word's plain explanation. The whole message must be the
/// question, so a sentence that merely mentions the word is left to the dialog.
/// </summary>
public sealed class GlossaryRecognizer(ContentCatalogs content) : IInterruptionRecognizer
{
    /// <summary>The detail of the Help interruption: this prefix, then the glossary term.</summary>
    public const string DetailPrefix = "glossary:";

    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _questions = new(StringComparer.Ordinal);

    public Interruption? Recognize(string text, string culture)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var catalog = content.For(culture);
        var questions = _questions.GetOrAdd(catalog.Culture, _ => Compile(catalog));
        var asked = PhraseText.Words(text, catalog.Normalizer);
        return questions.TryGetValue(asked, out var term) ? new Interruption(InterruptionKind.Help, DetailPrefix + term) : null;
    }

    /// <summary>Every way of asking about every form of every word, as normalised phrases.</summary>
    private static Dictionary<string, string> Compile(ContentCatalog catalog)
    {
        var questions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in catalog.Glossary)
        {
            foreach (var form in term.Forms.Append(term.Term))
            {
                foreach (var template in catalog.Commands.WhatDoesItMean)
                {
                    questions.TryAdd(PhraseText.Words(template.Replace("{term}", form, StringComparison.Ordinal), catalog.Normalizer), term.Term);
                }
            }
        }

        return questions;
    }
}
