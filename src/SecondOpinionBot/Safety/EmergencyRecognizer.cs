using System.Collections.Concurrent;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Safety;

/// <summary>
/// Spots emergencies in any text the user sends, erring toward alarm. Text is read by the language's normaliser
/// ("isnt" → "is not"), then matched against emergency.yaml's phrases with small typos and a few words in between
/// ("her lips look a bit blue" matches "lips blue"). A phrase that itself says "not" ("not breathing", "can't wake
/// him") always fires; a medical phrase is cancelled only by a narrow negation right before it ("no chest pain"), a
/// worry or question cue just before it ("risk of a stroke") or a clause placed in the past ("had a seizure as a
/// child"). Self-harm phrases are never cancelled, only softened: negated or past ones get a gentle note.
/// </summary>
public sealed class EmergencyRecognizer(ContentCatalogs content) : IInterruptionRecognizer
{
    private readonly ConcurrentDictionary<string, EmergencyPhraseSet> _compiled = new(StringComparer.Ordinal);

    public Interruption? Recognize(string text, string culture)
    {
        var finding = Classify(text, culture);
        return finding.Level switch
        {
            EmergencyLevel.SelfHarm => new Interruption(InterruptionKind.Emergency, EmergencyDetails.SelfHarm, finding.Category),
            EmergencyLevel.Medical => new Interruption(InterruptionKind.Emergency, EmergencyDetails.Medical, finding.Category),
            EmergencyLevel.SelfHarmMention => new Interruption(InterruptionKind.SafetyNote, EmergencyDetails.SelfHarmMention, finding.Category),
            _ => null,
        };
    }

    /// <summary>
    /// The conversation's language decides whenever one of its phrases is in the text, cancelled by its context rules
    /// or not ("no tengo dolor en el pecho" stays calm in Spanish). Only when none of its phrases is there are the
    /// other languages' phrases read: a Spanish speaker may write in Spanish before the chat knows their language ("me
    /// duele el pecho" in an English chat), an English speaker may write in English in a Spanish-locale chat. The most
    /// serious finding of those wins.
    /// </summary>
    public EmergencyFinding Classify(string? text, string culture)
    {
        var own = content.For(culture);
        var (finding, matched) = ClassifyIn(own, text);
        if (matched)
        {
            return finding;
        }

        foreach (var other in content.All.Where(c => c != own))
        {
            var (found, _) = ClassifyIn(other, text);
            finding = found.Level > finding.Level ? found : finding;
        }

        return finding;
    }

    /// <summary>One language's reading, and whether any of its phrases was in the text at all.</summary>
    private (EmergencyFinding Finding, bool Matched) ClassifyIn(ContentCatalog catalog, string? text)
    {
        var set = _compiled.GetOrAdd(catalog.Culture, _ => EmergencyPhraseSet.From(catalog));
        var tokens = set.Normalizer.Tokens(text);
        if (tokens.Count == 0)
        {
            return (EmergencyFinding.None, false);
        }

        var matches = FindMatches(tokens, set);
        if (matches.Count == 0)
        {
            return (EmergencyFinding.None, false);
        }

        var context = new EmergencyContext(tokens, set);
        EmergencyMatch? selfHarm = null, medical = null, mention = null;
        var negatedEnds = new List<(int End, bool ListCue)>();
        foreach (var match in matches.OrderBy(m => m.Start))
        {
            if (context.IsNotEmergency(match) || context.IsAccident(match))
            {
                continue;
            }

            if (match.Pattern.SelfHarm)
            {
                if (context.IsSelfHarmSoftened(match))
                {
                    mention ??= match;
                }
                else
                {
                    selfHarm ??= match;
                }
            }
            else if (context.MedicalNegation(match, negatedEnds) is { } listCue)
            {
                negatedEnds.Add((match.End, listCue));
            }
            else if (!context.IsNotNow(match))
            {
                medical ??= match;
            }
        }

        var finding = selfHarm is not null ? new EmergencyFinding(EmergencyLevel.SelfHarm, selfHarm.Pattern.Category)
            : medical is not null ? new EmergencyFinding(EmergencyLevel.Medical, medical.Pattern.Category)
            : mention is not null ? new EmergencyFinding(EmergencyLevel.SelfHarmMention, mention.Pattern.Category)
            : EmergencyFinding.None;
        return (finding, true);
    }

    private static List<EmergencyMatch> FindMatches(IReadOnlyList<string> tokens, EmergencyPhraseSet set)
    {
        var matches = new List<EmergencyMatch>();
        // Each word's letters once per message; most phrase words are then ruled out without comparing them.
        var letters = System.Buffers.ArrayPool<uint>.Shared.Rent(tokens.Count);
        try
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                letters[i] = FuzzyWord.Letters(tokens[i]);
            }

            FindMatches(tokens, letters, set, matches);
        }
        finally
        {
            System.Buffers.ArrayPool<uint>.Shared.Return(letters);
        }

        return matches;
    }

    private static void FindMatches(IReadOnlyList<string> tokens, uint[] letters, EmergencyPhraseSet set, List<EmergencyMatch> matches)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var token = tokens[start];
            if (token.Length == 0 || token == TextNormalizer.Break || !set.ByLead.TryGetValue(token[0], out var firstWords))
            {
                continue;
            }

            foreach (var first in firstWords)
            {
                if (!FuzzyWord.MayMatch(first.Letters, letters[start]) || !FuzzyWord.Matches(first.Word, token))
                {
                    continue;
                }

                foreach (var pattern in first.Patterns)
                {
                    if (pattern.Slots.Count == 1)
                    {
                        // Alone, a word needs a closer match: no neighbouring words confirm it.
                        if (FuzzyWord.Matches(first.Word, token, standalone: true))
                        {
                            matches.Add(new EmergencyMatch(pattern, start, start));
                        }
                    }
                    else if (MatchRest(tokens, letters, pattern, start, set.Fillers) is { } end)
                    {
                        matches.Add(new EmergencyMatch(pattern, start, end));
                    }
                }
            }
        }
    }

    /// <summary>The index of the last word when the slots after the first follow within their gaps; else null.</summary>
    private static int? MatchRest(IReadOnlyList<string> tokens, uint[] letters, EmergencyPattern pattern, int start, HashSet<string> fillers)
    {
        var at = start;
        for (var s = 1; s < pattern.Slots.Count; s++)
        {
            var slot = pattern.Slots[s];
            var allowed = slot.Wide ? EmergencyPattern.WideGap : pattern.CarriesNegation ? 0 : EmergencyPattern.Gap;
            var others = 0;
            var found = -1;
            for (var next = at + 1; next < tokens.Count; next++)
            {
                var token = tokens[next];

                // A wide gap may run on over one clause break ("fell and hit his head, now he's very sleepy").
                if (token == TextNormalizer.Break && !slot.Wide)
                {
                    break;
                }

                if (Any(slot, token, letters[next]))
                {
                    found = next;
                    break;
                }

                // Words in between never include a negation: "is not a stroke" is not "is a stroke".
                if (EmergencyPattern.IsNegation(token) || (!fillers.Contains(token) && ++others > allowed))
                {
                    break;
                }
            }

            if (found < 0)
            {
                return null;
            }

            at = found;
        }

        return at;
    }

    private static bool Any(EmergencySlot slot, string token, uint letters)
    {
        for (var i = 0; i < slot.Words.Length; i++)
        {
            var word = slot.Words[i];
            if (word == EmergencyPattern.ManyWord ? EmergencyPattern.IsMany(token) : FuzzyWord.MayMatch(slot.Letters[i], letters) && FuzzyWord.Matches(word, token))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A phrase found in the text, from its first to its last word.</summary>
internal sealed record EmergencyMatch(EmergencyPattern Pattern, int Start, int End);
