using System.Collections.Concurrent;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>
/// Recognises the commands a user may say at any time (help, cancel, start over, talk to a person, status,
/// delete my data, what do you know about me, terms, privacy, back). The whole message must be a command phrase once polite fillers are
/// removed from its ends, so "I need help getting it" or "what is the status of my biopsy?" are left to the dialog.
/// </summary>
public sealed class CommandRecognizer(ContentCatalogs content) : IInterruptionRecognizer
{
    private readonly ConcurrentDictionary<string, CompiledCommands> _compiled = new(StringComparer.Ordinal);

    public Interruption? Recognize(string text, string culture)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var catalog = content.For(culture);
        // A command said in the default language ("help" in a Spanish chat) still works.
        return RecognizeIn(catalog, text) ?? (catalog == content.Default ? null : RecognizeIn(content.Default, text));
    }

    private Interruption? RecognizeIn(ContentCatalog catalog, string text)
    {
        var commands = _compiled.GetOrAdd(catalog.Culture, _ => CompiledCommands.From(catalog.Commands, catalog.Normalizer));
        var raw = text.Trim();
        if (commands.Symbols.TryGetValue(raw, out var symbol))
        {
            return symbol;
        }

        var words = PhraseText.Tokens(text, catalog.Normalizer).Where(t => t != PhraseText.Break).ToList();
        var coreWords = PoliteFillers.Stripped(words, commands.Fillers).ToList();
        var core = string.Join(' ', coreWords);
        if (core.Length == 0)
        {
            return null;
        }

        return commands.Phrases.TryGetValue(core, out var interruption) ? interruption : Fuzzy(coreWords, commands);
    }

    /// <summary>
    /// Typos and split words ("hlep", "stat us", "talk to a humen"), for commands that only show something or bring
    /// a person. Cancel, start over and delete never run on a near miss: only their exact words ask "are you sure?".
    /// </summary>
    private static Interruption? Fuzzy(List<string> words, CompiledCommands commands)
    {
        if (commands.Joined.TryGetValue(string.Concat(words), out var joined))
        {
            return joined;
        }

        Interruption? found = null;
        foreach (var (phrase, interruption) in commands.Tolerant)
        {
            if (phrase.Length != words.Count)
            {
                continue;
            }

            var all = true;
            for (var i = 0; i < phrase.Length && all; i++)
            {
                // One word alone must be a swap or a doubled letter ("hlep", "hellp"), so "stuff" is not "staff".
                all = phrase.Length == 1 ? FuzzyWord.Matches(phrase[i], words[i], standalone: true) && IsSwapOrRepeat(phrase[i], words[i])
                    : FuzzyWord.Matches(phrase[i], words[i]);
            }

            if (all)
            {
                if (found is not null && found != interruption)
                {
                    return null; // two commands fit: not a confident match
                }

                found = interruption;
            }
        }

        return found;
    }

    private static bool IsSwapOrRepeat(string expected, string actual) =>
        expected == actual
        || (expected.Length == actual.Length && expected.Order().SequenceEqual(actual.Order()))
        || expected.Distinct().SequenceEqual(actual.Distinct());

    private sealed record CompiledCommands(
        IReadOnlyDictionary<string, Interruption> Phrases,
        IReadOnlyDictionary<string, Interruption> Symbols,
        IReadOnlyList<string[]> Fillers)
    {
        private static readonly InterruptionKind[] NeverFuzzy = [InterruptionKind.Cancel, InterruptionKind.DeleteMyData];

        /// <summary>Commands that may be matched with typos, as words.</summary>
        public IReadOnlyList<(string[] Words, Interruption Interruption)> Tolerant { get; } = Phrases
            .Where(p => !NeverFuzzy.Contains(p.Value.Kind))
            .Select(p => (p.Key.Split(' '), p.Value))
            .ToList();

        /// <summary>The same, with the spaces taken out ("stat us" → "status").</summary>
        public Dictionary<string, Interruption> Joined { get; } = Phrases
            .Where(p => !NeverFuzzy.Contains(p.Value.Kind))
            .GroupBy(p => p.Key.Replace(" ", "", StringComparison.Ordinal))
            .Where(g => g.Select(p => p.Value).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

        public static CompiledCommands From(CommandWords words, Dialogs.Language.TextNormalizer normalizer)
        {
            var phrases = new Dictionary<string, Interruption>(StringComparer.Ordinal);
            var symbols = new Dictionary<string, Interruption>(StringComparer.Ordinal);
            void Add(IEnumerable<string> list, Interruption interruption)
            {
                foreach (var phrase in list)
                {
                    var key = PhraseText.Words(phrase, normalizer);
                    if (key.Length == 0)
                    {
                        symbols.TryAdd(phrase.Trim(), interruption); // e.g. "?" for help
                    }
                    else
                    {
                        phrases.TryAdd(key, interruption);
                    }
                }
            }

            // Order matters only for a phrase listed under two commands: the first wins.
            Add(words.Help, new Interruption(InterruptionKind.Help));
            Add(words.StartOver, new Interruption(InterruptionKind.Cancel, CommandDetails.StartOver));
            Add(words.Cancel, new Interruption(InterruptionKind.Cancel));
            Add(words.TalkToPerson, new Interruption(InterruptionKind.TalkToPerson));
            Add(words.Status, new Interruption(InterruptionKind.Status));
            Add(words.DeleteMyData, new Interruption(InterruptionKind.DeleteMyData));
            Add(words.WhatDoYouKnow, new Interruption(InterruptionKind.WhatDoYouKnow));
            Add(words.Terms, new Interruption(InterruptionKind.Help, CommandDetails.Terms));
            Add(words.Privacy, new Interruption(InterruptionKind.Help, CommandDetails.Privacy));
            Add(words.Back, new Interruption(InterruptionKind.Back));
            var fillers = words.Fillers
                .Select(f => PhraseText.Tokens(f, normalizer).Where(t => t != PhraseText.Break).ToArray())
                .Where(f => f.Length > 0)
                .OrderByDescending(f => f.Length)
                .ToList();
            return new CompiledCommands(phrases, symbols, fillers);
        }
    }
}
