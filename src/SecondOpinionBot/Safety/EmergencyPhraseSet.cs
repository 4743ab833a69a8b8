using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Safety;

/// <summary>
/// emergency.yaml compiled once per language: the patterns indexed by the letters a typed first word can start with,
/// and the context word lists as token runs. Built through the language's <see cref="TextNormalizer"/>, so content
/// and user text are read the same way.
/// </summary>
internal sealed class EmergencyPhraseSet
{
    private EmergencyPhraseSet(
        TextNormalizer normalizer,
        IReadOnlyList<EmergencyPattern> patterns,
        HashSet<string> fillers,
        Dictionary<string, EmergencyFirstWord> firstWords,
        EmergencyContextWords context)
    {
        Normalizer = normalizer;
        Patterns = patterns;
        Fillers = fillers;
        Context = context;
        ByLead = firstWords.Values
            .SelectMany(w => w.Word.Take(2).Distinct().Select(lead => (lead, w)))
            .GroupBy(x => x.lead, x => x.w)
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    public TextNormalizer Normalizer { get; }

    public IReadOnlyList<EmergencyPattern> Patterns { get; }

    public HashSet<string> Fillers { get; }

    public EmergencyContextWords Context { get; }

    /// <summary>
    /// First words of patterns by the letters a typed word can start with: the word's own first letter, or its second
    /// (a swap of the first two letters). Typo matching never lets the first letter differ otherwise.
    /// </summary>
    public Dictionary<char, EmergencyFirstWord[]> ByLead { get; }

    public static EmergencyPhraseSet From(ContentCatalog catalog, Action<string>? error = null)
    {
        var normalizer = catalog.Normalizer;
        var phrases = catalog.Emergency;
        error ??= _ => { };
        var patterns = phrases.Phrases.SelectMany(p => EmergencyPattern.Compile(p, phrases.Groups, normalizer, error)).ToList();
        var firstWords = new Dictionary<string, EmergencyFirstWord>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            foreach (var word in pattern.Slots[0].Words)
            {
                if (!firstWords.TryGetValue(word, out var first))
                {
                    firstWords[word] = first = new EmergencyFirstWord(word, []);
                }

                first.Patterns.Add(pattern);
            }
        }

        List<string[]> Runs(IEnumerable<string> texts) => texts
            .Select(t => normalizer.Tokens(t).Where(w => w != TextNormalizer.Break).ToArray())
            .Where(r => r.Length > 0)
            .Distinct(new RunComparer())
            .ToList();

        var fillers = phrases.Fillers.SelectMany(f => normalizer.Tokens(f)).Where(w => w != TextNormalizer.Break).ToHashSet(StringComparer.Ordinal);
        HashSet<string> Words(IEnumerable<string> texts) =>
            texts.SelectMany(t => normalizer.Tokens(t)).Where(w => w != TextNormalizer.Break).ToHashSet(StringComparer.Ordinal);
        var grammar = phrases.Grammar;
        var context = new EmergencyContextWords(
            Runs(phrases.NegationCues), Runs(phrases.ListNegationCues), Runs(phrases.NotNowCues),
            Runs(phrases.HistoryMarkers), Runs(phrases.NowMarkers), Runs(phrases.NotEmergency),
            Runs(phrases.AccidentMarkers), Runs(phrases.IntentMarkers))
        {
            ClauseBreaks = [.. Words(grammar.ClauseBreaks), TextNormalizer.Break],
            YearIntros = Words(grammar.YearIntros),
            OrJoiners = Words(grammar.OrJoiners),
            ListJoiners = Words(grammar.ListJoiners),
            AnyWords = Words(grammar.AnyWords),
            SelfHarmNegations = Words(grammar.SelfHarmNegations),
        };
        return new EmergencyPhraseSet(normalizer, patterns, fillers, firstWords, context);
    }

    private sealed class RunComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => string.Join(' ', obj).GetHashCode(StringComparison.Ordinal);
    }
}

/// <summary>A word that starts at least one pattern, with the patterns it starts.</summary>
internal sealed record EmergencyFirstWord(string Word, List<EmergencyPattern> Patterns)
{
    public uint Letters { get; } = FuzzyWord.Letters(Word);
}

/// <summary>The context word lists of emergency.yaml, each a list of word runs.</summary>
internal sealed record EmergencyContextWords(
    IReadOnlyList<string[]> NegationCues,
    IReadOnlyList<string[]> ListNegationCues,
    IReadOnlyList<string[]> NotNowCues,
    IReadOnlyList<string[]> HistoryMarkers,
    IReadOnlyList<string[]> NowMarkers,
    IReadOnlyList<string[]> NotEmergency,
    IReadOnlyList<string[]> AccidentMarkers,
    IReadOnlyList<string[]> IntentMarkers)
{
    /// <summary>Words that end a clause, beside punctuation ("but"); see <see cref="Content.EmergencyGrammar"/>.</summary>
    public HashSet<string> ClauseBreaks { get; init; } = [TextNormalizer.Break];

    public HashSet<string> YearIntros { get; init; } = [];

    public HashSet<string> OrJoiners { get; init; } = [];

    public HashSet<string> ListJoiners { get; init; } = [];

    public HashSet<string> AnyWords { get; init; } = [];

    public HashSet<string> SelfHarmNegations { get; init; } = [];
}
