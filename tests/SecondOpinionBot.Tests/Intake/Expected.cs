using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// What the bot must have just said before a script line answers, named the way the content names it — a message key,
/// a reason's question, a doctor question by id — so a wording edit in dialogs/ does not break the script.
/// </summary>
public sealed record Expected(string Description, Func<BotTurn, bool> IsIn)
{
    public static implicit operator Expected(MessageKey key) => Message(key);

    public static Expected Message(MessageKey key, params (string Name, string Value)[] values) =>
        new(values.Length == 0 ? key.Name : $"{key.Name} ({string.Join(", ", values.Select(v => $"{v.Name}: {v.Value}"))})",
            turn => turn.Says(key, values));

    /// <summary>One of a reason's "does this sound like you?" questions (reasons.yaml).</summary>
    public static Expected ReasonQuestion(string reasonId) =>
        new($"a question of reason {reasonId}", turn => turn.Content.Reason(reasonId).SoundsLikeYou.Any(q => turn.Readable.Any(t => t.Contains(q, StringComparison.Ordinal))));

    /// <summary>A reason offered to someone who is not sure, with one of its reasons why (reasons.yaml suggestWhen).</summary>
    public static Expected ReasonSuggested(string reasonId, string situation) =>
        new($"reason {reasonId} suggested because of {situation}", turn =>
        {
            var reason = turn.Content.Reason(reasonId);
            var because = reason.SuggestWhen.Single(s => s.Situation == situation).Because;
            return turn.Says(MessageKeys.ReasonsSuggestion, ("title", reason.Title), ("because", because));
        });

    public override string ToString() => Description;
}
