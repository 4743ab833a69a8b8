using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Dialogs.Input;

namespace SecondOpinionBot.Dialogs.Choices;

/// <summary>A question card: the question, one Input.ChoiceSet and a submit button carrying the engine's tagged payload.</summary>
public static class ChoiceCard
{
    public const string ContentType = AdaptiveCard.ContentType;

    /// <summary>Above this many choices the list becomes a drop-down, so the card stays short.</summary>
    private const int MaxExpanded = 8;

    public static JsonObject Build(string text, IReadOnlyList<Choice> choices, bool multiSelect, JsonObject submitData, string submitLabel)
    {
        ArgumentNullException.ThrowIfNull(choices);

        // The question is the choice set's own label, so a screen reader says it when the choices get focus (a text
        // block above them is not tied to the input). Paragraphs before the question stay text above it.
        var (preamble, question) = Split(text);
        return new AdaptiveCard()
            .Add(preamble is null ? null : CardElements.Text(preamble))
            .Add(CardElements.ChoiceSet(CardPayload.AnswerKey, question, choices.Select(c => (c.DisplayTitle, c.Value)), expanded: choices.Count <= MaxExpanded, multiSelect))
            .Action(CardActions.Submit(submitLabel, submitData))
            .ToJson();
    }

    /// <summary>The last paragraph is the question; anything before it (an intro, a read-back) is the preamble.</summary>
    private static (string? Preamble, string Question) Split(string text)
    {
        var trimmed = text.Trim();
        var last = trimmed.LastIndexOf("\n\n", StringComparison.Ordinal);
        return last < 0 ? (null, trimmed) : (trimmed[..last].TrimEnd(), trimmed[(last + 2)..].Trim());
    }

    public static Attachment ToAttachment(JsonObject card) => AdaptiveCard.ToAttachment(card);
}
