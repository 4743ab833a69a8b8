using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Safety;

/// <summary>
/// One emergency phrase compiled into slots: each slot is the words that may stand there, and how many other words
/// may come before it ("my chest feels really tight" matches "chest tight"). Written in emergency.yaml as words,
/// <c>(a|b)</c> for either, <c>{group}</c> for a group's words and <c>...</c> for a wider gap.
/// </summary>
internal sealed record EmergencyPattern(string Category, bool SelfHarm, string Source, IReadOnlyList<EmergencySlot> Slots)
{
    /// <summary>Other words allowed before each slot after the first (fillers such as "a" or "really" never count).</summary>
    public const int Gap = 2;

    /// <summary>Words allowed where the phrase says <c>...</c> ("threw up what looked like blood").</summary>
    public const int WideGap = 5;

    /// <summary>The most variants one phrase may expand to; beyond it the phrase should be split.</summary>
    public const int MaxVariants = 64;

    private static readonly HashSet<string> NegationWords = new(StringComparer.Ordinal) { "not", "no", "never", "nothing", "nobody", "cannot", "without" };

    /// <summary>
    /// The phrase itself says "not" ("not breathing", "can't wake him"): its words must then follow each other (fillers
    /// aside), or "not having trouble breathing" would read as "not ... breathing".
    /// </summary>
    public bool CarriesNegation { get; } = Slots.Any(s => s.Words.Any(NegationWords.Contains));

    public static bool IsNegation(string word) => NegationWords.Contains(word);

    /// <summary>Written <c>#many</c> in a phrase: a count of ten or more, in figures or words ("took 40 tablets").</summary>
    public const string ManyWord = "#many";

    private static readonly HashSet<string> ManyWords = new(StringComparer.Ordinal) { "ten", "twenty", "thirty", "forty", "fifty", "dozen", "hundred", "hundreds" };

    public static bool IsMany(string token) =>
        ManyWords.Contains(token)
        || (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 10);

    /// <summary>All the variants of one phrase; an unknown group or an unclosed bracket is reported through <paramref name="error"/>.</summary>
    public static IReadOnlyList<EmergencyPattern> Compile(
        Content.EmergencyPhrase phrase, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, TextNormalizer normalizer, Action<string> error)
    {
        // Each item: its alternatives, each a run of words; and whether a wide gap comes before it.
        var items = new List<(List<string[]> Alternatives, bool Wide)>();
        var wide = false;
        foreach (var raw in Split(phrase.Text, error))
        {
            if (raw == "...")
            {
                wide = true;
                continue;
            }

            IEnumerable<string> texts;
            if (raw.StartsWith('{') && raw.EndsWith('}'))
            {
                var name = raw[1..^1];
                if (!groups.TryGetValue(name, out var words))
                {
                    error($"phrase \"{phrase.Text}\" uses the unknown group {{{name}}}.");
                    return [];
                }

                texts = words;
            }
            else if (raw.StartsWith('(') && raw.EndsWith(')'))
            {
                texts = raw[1..^1].Split('|');
            }
            else if (raw == ManyWord)
            {
                items.Add(([[ManyWord]], wide));
                wide = false;
                continue;
            }
            else
            {
                texts = [raw];
            }

            var alternatives = texts.Select(t => normalizer.Tokens(t).Where(w => w != TextNormalizer.Break).ToArray())
                .Where(a => a.Length > 0)
                .ToList();
            if (alternatives.Count == 0)
            {
                continue;
            }

            items.Add((alternatives, wide));
            wide = false;
        }

        // Expand: one-word alternatives share a slot; each longer alternative is its own variant.
        var variants = new List<List<EmergencySlot>> { new() };
        foreach (var (alternatives, itemWide) in items)
        {
            var singles = alternatives.Where(a => a.Length == 1).Select(a => a[0]).Distinct(StringComparer.Ordinal).ToArray();
            var options = new List<string[][]>();
            if (singles.Length > 0)
            {
                options.Add([singles]);
            }

            options.AddRange(alternatives.Where(a => a.Length > 1).Select(a => a.Select(w => new[] { w }).ToArray()));
            variants = variants.SelectMany(v => options.Select(option =>
            {
                var next = new List<EmergencySlot>(v);
                for (var i = 0; i < option.Length; i++)
                {
                    next.Add(new EmergencySlot(option[i], Wide: i == 0 && itemWide));
                }

                return next;
            })).ToList();
            if (variants.Count > MaxVariants)
            {
                error($"phrase \"{phrase.Text}\" has more than {MaxVariants} variants; split it into several phrases.");
                return [];
            }
        }

        return variants.Where(v => v.Count > 0)
            .Select(v => new EmergencyPattern(phrase.Category, phrase.SelfHarm, phrase.Text, v))
            .ToList();
    }

    /// <summary>Splits on spaces, keeping "(too many|too much)" together.</summary>
    private static IEnumerable<string> Split(string text, Action<string> error)
    {
        var current = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var ch in text)
        {
            depth += ch switch { '(' or '{' => 1, ')' or '}' => -1, _ => 0 };
            if (char.IsWhiteSpace(ch) && depth == 0)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(ch);
            }
        }

        if (depth != 0)
        {
            error($"phrase \"{text}\" has a bracket that is not closed.");
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}

/// <summary>The words that may stand at one place of a phrase; <see cref="Wide"/> allows more words before it.</summary>
internal sealed record EmergencySlot(string[] Words, bool Wide)
{
    /// <summary><see cref="FuzzyWord.Letters"/> of each of <see cref="Words"/>.</summary>
    public uint[] Letters { get; } = Words.Select(FuzzyWord.Letters).ToArray();
}
