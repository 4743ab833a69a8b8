using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Content;

/// <summary>Builds the dialog engine's per-language words from content, so the engine holds no user-facing text.</summary>
public static class ContentLexicon
{
    /// <param name="fallback">
    /// The default language: its yes and no words are understood here too ("yes" in a Spanish chat), unless this
    /// language uses the word itself or it is one letter ("y" is Spanish for "and").
    /// </param>
    public static Lexicon From(ContentCatalog content, ContentCatalog? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var messages = content.Messages;
        var own = content.Answers.ByAnswer.SelectMany(a => a.Phrases).Select(p => PhraseText.Words(p, content.Normalizer)).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> Borrowed(IReadOnlyList<string> words, Func<AnswerWords, IReadOnlyList<string>> pick) =>
            fallback is null || fallback == content ? words
            : [.. words, .. pick(fallback.Answers).Where(w => w.Trim().Length > 1 && !own.Contains(PhraseText.Words(w, content.Normalizer)))];
        return new Lexicon
        {
            Culture = content.Culture,
            Yes = Borrowed(content.Answers.Yes, a => a.Yes),
            No = Borrowed(content.Answers.No, a => a.No),
            Unsure = content.Answers.NotSure,
            ListJoiners = content.Answers.ListJoiners,
            Normalizer = content.Normalizer,
            YesLabel = messages.Get(MessageKeys.EngineYesLabel),
            NoLabel = messages.Get(MessageKeys.EngineNoLabel),
            SubmitLabel = messages.Get(MessageKeys.EngineSubmitLabel),
            DateReadBack = messages.Format(MessageKeys.EngineDateReadBack, ("date", "{0}")),
            StaleCard = messages.Get(MessageKeys.EngineStaleCard),
            Restarted = messages.Get(MessageKeys.EngineRestarted),
        };
    }

    public static LexiconSet From(ContentCatalogs catalogs)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        return new LexiconSet(catalogs.All.Select(c => From(c, catalogs.Default)), catalogs.Default.Culture);
    }
}
