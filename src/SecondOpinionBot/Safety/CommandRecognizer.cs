using System.Collections.Concurrent;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>
/// Recognises the commands a user may say at any time (help, cancel, start over, talk to a person, status,
/// delete my data, what do you know about me). The whole message must be a command phrase once polite fillers are
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
        var commands = _compiled.GetOrAdd(catalog.Culture, _ => CompiledCommands.From(catalog.Commands, catalog.Normalizer));
        var raw = text.Trim();
        if (commands.Symbols.TryGetValue(raw, out var symbol))
        {
            return symbol;
        }

        var words = PhraseText.Tokens(text, catalog.Normalizer).Where(t => t != PhraseText.Break).ToList();
        var core = string.Join(' ', StripFillers(words, commands.Fillers));
        return core.Length > 0 && commands.Phrases.TryGetValue(core, out var interruption) ? interruption : null;
    }

    private static IEnumerable<string> StripFillers(List<string> words, IReadOnlyList<string[]> fillers)
    {
        var start = 0;
        var end = words.Count;
        var changed = true;
        while (changed && start < end)
        {
            changed = false;
            foreach (var filler in fillers)
            {
                if (filler.Length <= end - start && words.Skip(start).Take(filler.Length).SequenceEqual(filler))
                {
                    start += filler.Length;
                    changed = true;
                }
                else if (filler.Length <= end - start && words.Skip(end - filler.Length).Take(filler.Length).SequenceEqual(filler))
                {
                    end -= filler.Length;
                    changed = true;
                }
            }
        }

        return words.Skip(start).Take(end - start);
    }

    private sealed record CompiledCommands(
        IReadOnlyDictionary<string, Interruption> Phrases,
        IReadOnlyDictionary<string, Interruption> Symbols,
        IReadOnlyList<string[]> Fillers)
    {
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
            var fillers = words.Fillers
                .Select(f => PhraseText.Tokens(f, normalizer).Where(t => t != PhraseText.Break).ToArray())
                .Where(f => f.Length > 0)
                .OrderByDescending(f => f.Length)
                .ToList();
            return new CompiledCommands(phrases, symbols, fillers);
        }
    }
}
