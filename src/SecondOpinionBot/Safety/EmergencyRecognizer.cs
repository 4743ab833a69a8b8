using System.Collections.Concurrent;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>
/// Spots emergencies in any text the user sends, erring toward alarm. Phrases come from emergency.yaml; small typos
/// and up to two extra words inside a phrase still match
/// (unless the phrase has its own negation). Only a narrow negation right before a medical phrase
/// ("no chest pain", "denies trouble breathing") cancels it; a phrase that itself contains a negation
/// ("I can't breathe") always fires, and self-harm phrases are never cancelled.
/// </summary>
public sealed class EmergencyRecognizer(ContentCatalogs content) : IInterruptionRecognizer
{
    private const int MaxWordsInsidePhrase = 2;
    private static readonly string[] Fillers = ["any"];
    private static readonly string[] ListJoiners = ["or", "nor"];

    // A phrase that carries its own negation ("not breathing") must match word for word, or
    // "not having trouble breathing" would read as "not ... breathing".
    private static readonly string[] NegationWords = ["not", "no", "cant", "cannot", "wont", "dont", "never", "nothing"];

    private readonly ConcurrentDictionary<string, CompiledPhrases> _compiled = new(StringComparer.Ordinal);

    public Interruption? Recognize(string text, string culture)
    {
        var tokens = PhraseText.Tokens(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        var catalog = content.For(culture);
        var phrases = _compiled.GetOrAdd(catalog.Culture, _ => CompiledPhrases.From(catalog.Emergency));
        var matches = new List<Match>();
        for (var start = 0; start < tokens.Count; start++)
        {
            if (tokens[start].Length == 0 || !phrases.ByLead.TryGetValue(tokens[start][0], out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                if (MatchAt(tokens, phrase, start) is { } match)
                {
                    matches.Add(match);
                }
            }
        }

        var negatedEnds = new HashSet<int>();
        var selfHarm = false;
        var medical = false;
        foreach (var match in matches)
        {
            if (match.Phrase.SelfHarm)
            {
                selfHarm = true;
            }
            else if (IsNegated(tokens, match.Start, phrases.NegationCues, negatedEnds))
            {
                negatedEnds.Add(match.End);
            }
            else
            {
                medical = true;
            }
        }

        return selfHarm ? new Interruption(InterruptionKind.Emergency, EmergencyDetails.SelfHarm)
            : medical ? new Interruption(InterruptionKind.Emergency, EmergencyDetails.Medical)
            : null;
    }

    private static Match? MatchAt(IReadOnlyList<string> tokens, Phrase phrase, int start)
    {
        if (!FuzzyWord.Matches(phrase.Words[0], tokens[start], standalone: phrase.Words.Count == 1))
        {
            return null;
        }

        var at = start;
        var maxGap = phrase.CarriesNegation ? 0 : MaxWordsInsidePhrase;
        for (var w = 1; w < phrase.Words.Count; w++)
        {
            var matched = false;
            for (var next = at + 1; next < tokens.Count && next <= at + 1 + maxGap; next++)
            {
                if (tokens[next] == PhraseText.Break)
                {
                    break;
                }

                if (FuzzyWord.Matches(phrase.Words[w], tokens[next]))
                {
                    at = next;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return null;
            }
        }

        return new Match(phrase, start, at);
    }

    private static bool IsNegated(IReadOnlyList<string> tokens, int start, IReadOnlyList<string[]> cues, HashSet<int> negatedEnds)
    {
        var end = start - 1;
        while (end >= 0 && Fillers.Contains(tokens[end]))
        {
            end--;
        }

        if (end < 0)
        {
            return false;
        }

        if (ListJoiners.Contains(tokens[end]) && negatedEnds.Contains(end - 1))
        {
            return true;
        }

        return cues.Any(cue => EndsWith(tokens, end, cue));
    }

    private static bool EndsWith(IReadOnlyList<string> tokens, int end, string[] cue)
    {
        var first = end - cue.Length + 1;
        if (first < 0)
        {
            return false;
        }

        for (var i = 0; i < cue.Length; i++)
        {
            if (tokens[first + i] != cue[i])
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Phrase(IReadOnlyList<string> Words, bool SelfHarm)
    {
        public bool CarriesNegation { get; } = Words.Any(NegationWords.Contains);
    }

    private sealed record Match(Phrase Phrase, int Start, int End);

    private sealed record CompiledPhrases(IReadOnlyList<Phrase> All, IReadOnlyList<string[]> NegationCues)
    {
        /// <summary>
        /// Phrases by the letters a typed first word can start with: the phrase's own first letter, or its second
        /// (a swap of the first two letters). Typo matching never lets the first letter differ otherwise.
        /// </summary>
        public Dictionary<char, Phrase[]> ByLead { get; } = All
            .SelectMany(p => p.Words[0].Take(2).Distinct().Select(lead => (lead, p)))
            .GroupBy(x => x.lead, x => x.p)
            .ToDictionary(g => g.Key, g => g.ToArray());

        public static CompiledPhrases From(EmergencyPhrases phrases) => new(
            phrases.Medical.Select(p => new Phrase(Words(p), SelfHarm: false))
                .Concat(phrases.SelfHarm.Select(p => new Phrase(Words(p), SelfHarm: true)))
                .Where(p => p.Words.Count > 0)
                .ToList(),
            phrases.NegationCues.Select(c => Words(c).ToArray()).Where(c => c.Length > 0).ToList());

        private static List<string> Words(string phrase) =>
            PhraseText.Tokens(phrase).Where(t => t != PhraseText.Break).ToList();
    }
}
