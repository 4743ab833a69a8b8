using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Checks that the bot said a piece of content other than a message — a glossary explanation, a common question's
/// answer, a reason or record — found by its id in the content the host loaded, never by copied words.
/// </summary>
public static class ContentSaid
{
    /// <summary>The glossary's explanation of <paramref name="term"/> (glossary.yaml).</summary>
    public static bool Explains(this BotTurn turn, string term)
    {
        var entry = turn.Content.Glossary.Single(g => g.Term == term);
        return turn.Says(MessageKeys.GlossaryExplain, ("term", entry.Term), ("explanation", entry.Explanation));
    }

    /// <summary>The answer to the common question <paramref name="faqId"/> (faq.yaml).</summary>
    public static bool Answers(this BotTurn turn, string faqId) =>
        turn.Says(MessageKeys.FaqAnswer, ("answer", turn.Content.Faq.Single(f => f.Id == faqId).Answer));

    /// <summary>One of the "does this sound like you?" questions of reason <paramref name="reasonId"/> (reasons.yaml).</summary>
    public static bool AsksAbout(this BotTurn turn, string reasonId) => Expected.ReasonQuestion(reasonId).IsIn(turn);

    /// <summary>The title of reason <paramref name="reasonId"/> (reasons.yaml), e.g. where the four reasons are offered.</summary>
    public static bool NamesReason(this BotTurn turn, string reasonId) =>
        turn.Readable.Any(t => t.Contains(turn.Content.Reason(reasonId).Title, StringComparison.Ordinal));

    /// <summary>The title of record <paramref name="recordId"/> (records.yaml).</summary>
    public static bool NamesRecord(this BotTurn turn, string recordId) =>
        turn.Readable.Any(t => t.Contains(turn.Content.Records.Single(r => r.Id == recordId).Item, StringComparison.Ordinal));
}
