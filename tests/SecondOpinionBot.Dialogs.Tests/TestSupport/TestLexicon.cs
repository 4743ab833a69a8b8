using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Dialogs.Tests.TestSupport;

/// <summary>English words as the host would load them from content.</summary>
internal static class TestLexicon
{
    public static Lexicon English { get; } = new()
    {
        Culture = "en",
        Yes = ["yes", "yeah", "yep", "sure", "of course", "ok", "that's right", "correct"],
        No = ["no", "nope", "not really", "no thanks", "wrong"],
        Unsure = ["not sure", "maybe", "don't know"],
        ListJoiners = ["and", "plus"],
        YesLabel = "Yes",
        NoLabel = "No",
        SubmitLabel = "Send",
        DateReadBack = "Just to check: {0}?",
        StaleCard = "That card is from an earlier question. Here is where we are:",
        Restarted = "Sorry, I had to restart our conversation. Your answers are saved.",
    };

    public static Lexicon Spanish { get; } = English with
    {
        Culture = "es",
        Yes = ["sí", "si", "claro", "vale"],
        No = ["no", "para nada"],
        Unsure = ["no sé"],
        ListJoiners = ["y"],
        YesLabel = "Sí",
        SubmitLabel = "Enviar",
        DateReadBack = "Para confirmar: {0}?",
    };

    public static LexiconSet Set { get; } = new([English, Spanish], "en");
}
