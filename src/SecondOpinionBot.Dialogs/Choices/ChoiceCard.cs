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
        return new AdaptiveCard()
            .Add(CardElements.Text(text))
            .Add(CardElements.ChoiceSet(CardPayload.AnswerKey, label: null, choices.Select(c => (c.DisplayTitle, c.Value)), expanded: choices.Count <= MaxExpanded, multiSelect))
            .Action(CardActions.Submit(submitLabel, submitData))
            .ToJson();
    }

    public static Attachment ToAttachment(JsonObject card) => AdaptiveCard.ToAttachment(card);
}
