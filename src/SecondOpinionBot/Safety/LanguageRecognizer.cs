using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Safety;

/// <summary>
/// "español", "espanol", "english", "inglés" at any moment: the whole message names one of the content's languages
/// (words.yaml `language.choose`, from every language folder, so each works whatever language is spoken now), once
/// any language's polite fillers are taken off its ends ("en español, por favor"). A tapped language button
/// sends its own value (<see cref="ValueFor"/>).
/// </summary>
public sealed class LanguageRecognizer(ContentCatalogs content) : IInterruptionRecognizer
{
    private const string ValuePrefix = "language:";

    private readonly IReadOnlyList<(string Words, string Culture)> _names = content.All
        .SelectMany(c => c.Language.Choose.Append(c.Language.Name).Select(p => (TextNormalizer.Plain.Words(p), c.Culture)))
        .Where(n => n.Item1.Length > 0)
        .Distinct()
        .ToList();

    // Every language's polite fillers: someone asking for Spanish may well ask in Spanish ("en español, por favor").
    private readonly List<string[]> _fillers = content.All
        .SelectMany(c => c.Commands.Fillers)
        .Select(f => TextNormalizer.Plain.Words(f).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(f => f.Length > 0)
        .DistinctBy(f => string.Join(' ', f))
        .OrderByDescending(f => f.Length)
        .ToList();

    /// <summary>The value a language button sends when a card submits it.</summary>
    public static string ValueFor(string culture) => ValuePrefix + culture;

    public Interruption? Recognize(string text, string culture)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var raw = text.Trim();
        if (raw.StartsWith(ValuePrefix, StringComparison.Ordinal) && content.Find(raw[ValuePrefix.Length..]) is { } tapped)
        {
            return new Interruption(InterruptionKind.Language, tapped.Culture);
        }

        var words = TextNormalizer.Plain.Words(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var candidate in PoliteFillers.Trimmings(words, _fillers).Select(t => string.Join(' ', t)))
        {
            var match = _names.FirstOrDefault(n => n.Words == candidate);
            if (match.Culture is not null)
            {
                return new Interruption(InterruptionKind.Language, match.Culture);
            }
        }

        return null;
    }
}
