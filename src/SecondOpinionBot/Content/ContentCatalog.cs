namespace SecondOpinionBot.Content;

/// <summary>
/// Everything the bot says and offers in one language, loaded from dialogs/&lt;culture&gt;/ and validated as a whole.
/// Immutable; register once as a singleton.
/// </summary>
public sealed class ContentCatalog
{
    private ContentCatalog(string folder, string culture) => (Folder, Culture) = (folder, culture);

    public string Culture { get; }

    /// <summary>A short hash of the patient content files' bytes: changes whenever that content changes (the flow version input).</summary>
    public string Version { get; private set; } = "";

    /// <summary>The language folder the content came from (used in error messages).</summary>
    public string Folder { get; }

    public MessageCatalog Messages { get; private set; } = new([]);

    public IReadOnlyList<Reason> Reasons { get; private set; } = [];

    public IReadOnlyList<Situation> Situations { get; private set; } = [];

    public IReadOnlyList<DoctorQuestion> Questions { get; private set; } = [];

    public IReadOnlyList<RecordItem> Records { get; private set; } = [];

    public IReadOnlyList<NeedCategory> Needs { get; private set; } = [];

    public IReadOnlyList<ChoiceSet> ChoiceSets { get; private set; } = [];

    public IReadOnlyList<GlossaryTerm> Glossary { get; private set; } = [];

    public AnswerWords Answers { get; private set; } = new([], [], [], [], [], [], [], []);

    public CommandWords Commands { get; private set; } = CommandWords.Empty;

    public AsideWords Asides { get; private set; } = AsideWords.Empty;

    /// <summary>words.yaml `language`: this language's own name (the button that picks it) and the words that choose it.</summary>
    public LanguageWords Language { get; private set; } = new("", []);

    /// <summary>faq.yaml: common questions about a second opinion and their plain answers.</summary>
    public IReadOnlyList<FaqEntry> Faq { get; private set; } = [];

    /// <summary>How this language's words are read everywhere (words.yaml spellings: "isnt" → "is not").</summary>
    public Dialogs.Language.TextNormalizer Normalizer { get; private set; } = Dialogs.Language.TextNormalizer.Plain;

    public EmergencyPhrases Emergency { get; private set; } = EmergencyPhrases.Empty;

    /// <summary>letters.yaml: the records request letter (offered only when <see cref="RecordsLetters.IsApproved"/>).</summary>
    public RecordsLetters Letters { get; private set; } = RecordsLetters.None;

    public RoutingTable Routing { get; private set; } = new([], "", [], new PriorityRules(14, true, true));

    /// <summary>A translation's `translation:` field per file (who checked it); empty for the default language.</summary>
    public IReadOnlyList<TranslationReview> TranslationReviews { get; private set; } = [];

    /// <summary>Every file of this translation has been signed off by a medical translator (always true for the default language).</summary>
    public bool IsTranslationReviewed => TranslationReviews.All(r => r.IsReviewed);

    /// <summary>Loads and validates dialogs/&lt;culture&gt;/; throws <see cref="ContentValidationException"/> listing every problem.</summary>
    /// <param name="defaultLanguage">
    /// For a translation, the default language's catalog, already loaded: the translation must define the same message
    /// keys, placeholders and ids (<see cref="ContentParity"/>), takes its staff wording (staff always read the default
    /// language) and its records letters (which stay in that language for the records office).
    /// </param>
    /// <param name="featureChecks">The rules other features add (<see cref="IContentCheck"/>), run on this language too.</param>
    public static ContentCatalog Load(string dialogsDirectory, string culture, ContentCatalog? defaultLanguage = null, IEnumerable<IContentCheck>? featureChecks = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogsDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(culture);
        var folder = Path.GetFullPath(Path.Combine(dialogsDirectory, culture));
        var errors = new ContentErrors();
        if (!Directory.Exists(folder))
        {
            errors.Add(folder, 0, $"no content folder for language `{culture}`.");
            errors.ThrowIfAny();
        }

        foreach (var extra in Directory.EnumerateFiles(folder, "*.y*ml")
                     .Where(f => !ContentFiles.All.Contains(Path.GetFileName(f), StringComparer.Ordinal)))
        {
            errors.Add(extra, 0, $"unknown content file. Expected only: {string.Join(", ", ContentFiles.All)}.");
        }

        var isTranslation = defaultLanguage is not null;
        var parser = new ContentParser(folder, folder, errors, isTranslation);
        var words = parser.Words();
        var normalizer = new Dialogs.Language.TextNormalizer(words?.Spellings ?? []);
        var catalog = new ContentCatalog(folder, culture)
        {
            Normalizer = normalizer,
            Messages = new MessageCatalog([.. parser.Messages(), .. parser.StaffMessages(), .. StaffOf(defaultLanguage)]),
            Reasons = parser.Reasons(),
            Situations = parser.Situations(),
            Questions = parser.Questions(),
            Records = parser.Records(),
            Needs = parser.Needs(),
            ChoiceSets = parser.ChoiceSets(),
            Glossary = parser.Glossary(),
            Answers = (words?.Answers ?? new([], [], [], [], [], [], [], [])) with { Normalizer = normalizer },
            Commands = words?.Commands ?? CommandWords.Empty,
            Asides = words?.Asides ?? AsideWords.Empty,
            Language = words?.Language ?? new LanguageWords(culture, [culture]),
            Faq = parser.Faq(),
            Emergency = parser.Emergency() ?? EmergencyPhrases.Empty,
            Letters = (defaultLanguage is null ? parser.Letters() : parser.TranslatedLetters(defaultLanguage.Letters)) ?? RecordsLetters.None,
        };
        catalog.TranslationReviews = parser.TranslationReviews;
        catalog.Routing = parser.Routing() ?? catalog.Routing;
        catalog.Version = HashOf(folder);

        // Cross-file checks only make sense once every file has the right shape.
        errors.ThrowIfAny();
        ContentValidator.Validate(catalog, featureChecks ?? [], errors);
        if (defaultLanguage is not null)
        {
            ContentParity.Check(defaultLanguage, catalog, errors);
        }

        errors.ThrowIfAny();
        return catalog;
    }

    private static IEnumerable<ContentMessage> StaffOf(ContentCatalog? defaultLanguage) =>
        defaultLanguage?.Messages.All.Where(m => m.Key.StartsWith("staff.", StringComparison.Ordinal)) ?? [];

    private static string HashOf(string folder)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        // Staff wording is left out: editing a refusal must not restart every patient's conversation at its step.
        foreach (var file in ContentFiles.All.Where(f => f != ContentFiles.Staff).Select(f => Path.Combine(folder, f)).Where(File.Exists))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    public Reason Reason(string id) =>
        Reasons.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"Unknown reason '{id}'.");

    public NeedCategory Need(string id) =>
        Needs.FirstOrDefault(n => n.Id == id) ?? throw new KeyNotFoundException($"Unknown need '{id}'.");

    public ChoiceSet Choices(string setId) =>
        ChoiceSets.FirstOrDefault(s => s.Id == setId) ?? throw new KeyNotFoundException($"Unknown choice set '{setId}'.");

    /// <summary>Situation ids whose keywords appear in what the user typed (diagnosis, what was proposed, ...).</summary>
    public IReadOnlySet<string> DetectSituations(string? text)
    {
        var tokens = PhraseText.Tokens(text, Normalizer);
        return Situations
            .Where(s => s.Keywords.Any(k => PhraseText.ContainsPhrase(tokens, Normalizer.PhraseTokens(k))))
            .Select(s => s.Id)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>For a user who is "not sure": the reasons the situations point to, each with why, in reasons.yaml order.</summary>
    public IReadOnlyList<ReasonSuggestion> SuggestReasons(IEnumerable<string> situationIds)
    {
        var situations = situationIds.ToHashSet(StringComparer.Ordinal);
        return Reasons
            .Select(r => new ReasonSuggestion(r, r.SuggestWhen.Where(s => situations.Contains(s.Situation)).Select(s => s.Because).ToList()))
            .Where(s => s.Because.Count > 0)
            .ToList();
    }

    /// <summary>Questions for the chosen reasons, keeping those tied to a situation only when it applies.</summary>
    public IReadOnlyList<DoctorQuestion> QuestionsFor(IEnumerable<string> reasonIds, IEnumerable<string> situationIds)
    {
        var reasons = reasonIds.ToHashSet(StringComparer.Ordinal);
        var situations = situationIds.ToHashSet(StringComparer.Ordinal);
        return Questions
            .Where(q => q.Reasons.Any(reasons.Contains))
            .Where(q => q.Situations.Count == 0 || q.Situations.Any(situations.Contains))
            .ToList();
    }

    /// <summary>
    /// The same questions, best fit first: one written for the user's situation before a general one, then those that
    /// serve more of the chosen reasons; the content's order otherwise.
    /// </summary>
    public IReadOnlyList<DoctorQuestion> RankedQuestionsFor(IEnumerable<string> reasonIds, IEnumerable<string> situationIds)
    {
        var reasons = reasonIds.ToHashSet(StringComparer.Ordinal);
        var situations = situationIds.ToHashSet(StringComparer.Ordinal);
        return QuestionsFor(reasons, situations)
            .Select((q, index) => (q, index, score: (q.Situations.Count > 0 ? 10 : 0) + q.Situations.Count(situations.Contains) + q.Reasons.Count(reasons.Contains)))
            .OrderByDescending(x => x.score).ThenBy(x => x.index)
            .Select(x => x.q)
            .ToList();
    }

    /// <summary>The records checklist: always-asked items plus those the reasons or situations bring in, in file order.</summary>
    public IReadOnlyList<RecordItem> RecordsFor(IEnumerable<string> reasonIds, IEnumerable<string> situationIds)
    {
        var reasons = reasonIds.ToHashSet(StringComparer.Ordinal);
        var situations = situationIds.ToHashSet(StringComparer.Ordinal);
        return Records
            .Where(r => !r.AfterHelp && (r.Always || r.Reasons.Any(reasons.Contains) || r.Situations.Any(situations.Contains)))
            .ToList();
    }

    /// <summary>Needs named in free text through their labels or synonyms ("I have no car" → transport).</summary>
    public IReadOnlyList<NeedCategory> MatchNeeds(string? text)
    {
        var tokens = PhraseText.Tokens(text, Normalizer);
        return Needs
            .Where(n => n.Synonyms.Append(n.Label).Any(s => PhraseText.ContainsPhrase(tokens, Normalizer.PhraseTokens(s))))
            .ToList();
    }
}
