using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Content;

/// <summary>Builds the dialog engine's per-language words from content, so the engine holds no user-facing text.</summary>
public static class ContentLexicon
{
    public static Lexicon From(ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var messages = content.Messages;
        return new Lexicon
        {
            Culture = content.Culture,
            Yes = content.Answers.Yes,
            No = content.Answers.No,
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
        return new LexiconSet(catalogs.All.Select(From), catalogs.Default.Culture);
    }
}
