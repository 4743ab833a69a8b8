namespace SecondOpinionBot.Content;

/// <summary>One phrase of emergency.yaml, under its category ("breathing", "stroke", "indirect"...).</summary>
/// <param name="Text">
/// Words, where <c>(a|b)</c> means either word, <c>{group}</c> any word of a group and <c>...</c> a few words between.
/// </param>
public sealed record EmergencyPhrase(string Category, string Text, bool SelfHarm);

/// <summary>Phrases that signal an emergency, and the context words that show a mention is not one happening now.</summary>
/// <param name="Groups">Named word sets a phrase may use as {name}: people, colours, pills...</param>
/// <param name="Fillers">Small words that never count as words in between ("a", "really", "my").</param>
/// <param name="NegationCues">Right before a medical phrase, they mean the person does not have it ("no", "denies").</param>
/// <param name="ListNegationCues">Report-style cues whose negation carries over a list ("denies chest pain, shortness of breath").</param>
/// <param name="NotNowCues">A few words before a phrase, they make it a worry or a question, not an event ("risk of", "what if").</param>
/// <param name="HistoryMarkers">Anywhere in the same clause, they place a mention in the past ("years ago", "as a child").</param>
/// <param name="NowMarkers">Anywhere in the same clause, they make it current again ("now", "again", "tonight").</param>
/// <param name="NotEmergency">Phrases that contain emergency words but are not one ("food poisoning", "seizure medication").</param>
/// <param name="AccidentMarkers">
/// In the same clause as a self-harm phrase of the <see cref="AccidentCategory"/> category ("hurt myself"), they say it
/// was an accident ("I fell and hurt myself") — unless a word from <paramref name="IntentMarkers"/> is there too.
/// </param>
/// <param name="IntentMarkers">Words of intent or repetition that keep "hurt myself" self-harm ("on purpose", "want to", "again").</param>
public sealed record EmergencyPhrases(
    IReadOnlyList<EmergencyPhrase> Phrases,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Groups,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> NegationCues,
    IReadOnlyList<string> ListNegationCues,
    IReadOnlyList<string> NotNowCues,
    IReadOnlyList<string> HistoryMarkers,
    IReadOnlyList<string> NowMarkers,
    IReadOnlyList<string> NotEmergency,
    IReadOnlyList<string> AccidentMarkers,
    IReadOnlyList<string> IntentMarkers)
{
    /// <summary>The self-harm category whose phrases can also describe an accident ("hurt myself", "injured myself").</summary>
    public const string AccidentCategory = "hurt";

    public static EmergencyPhrases Empty { get; } = new([], new Dictionary<string, IReadOnlyList<string>>(), [], [], [], [], [], [], [], [], []);

    /// <summary>The language's small grammar words the context rules read (emergency.yaml `grammar`; English when left out).</summary>
    public EmergencyGrammar Grammar { get; init; } = EmergencyGrammar.English;

    public IEnumerable<EmergencyPhrase> Medical => Phrases.Where(p => !p.SelfHarm);

    public IEnumerable<EmergencyPhrase> SelfHarm => Phrases.Where(p => p.SelfHarm);
}

/// <summary>
/// The few grammar words the context rules need, per language: what ends a clause ("but"), what puts a year in the
/// past ("in 2019"), what joins alternatives and lists, the "any" that may stand between a negation and its phrase
/// ("no chest pain" / "no any..."), and the words that soften a self-harm phrase said right before it ("not").
/// </summary>
public sealed record EmergencyGrammar(
    IReadOnlyList<string> ClauseBreaks,
    IReadOnlyList<string> YearIntros,
    IReadOnlyList<string> OrJoiners,
    IReadOnlyList<string> ListJoiners,
    IReadOnlyList<string> AnyWords,
    IReadOnlyList<string> SelfHarmNegations)
{
    /// <summary>The words the rules were written with; used when emergency.yaml has no `grammar`.</summary>
    public static EmergencyGrammar English { get; } = new(
        ["but", "however", "though", "although"], ["in", "since", "during", "back"], ["or", "nor"], ["and"], ["any"],
        ["not", "no", "never", "nor", "denies", "denied", "deny", "without"]);
}
