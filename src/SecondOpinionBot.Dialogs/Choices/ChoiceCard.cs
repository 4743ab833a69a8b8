using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Input;

namespace SecondOpinionBot.Dialogs.Choices;

/// <summary>An Adaptive Card 1.5 with one Input.ChoiceSet and a submit button carrying the engine's tagged payload.</summary>
public static class ChoiceCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Above this many choices the list becomes a drop-down, so the card stays short.</summary>
    private const int MaxExpanded = 8;

    public static JsonObject Build(string text, IReadOnlyList<Choice> choices, bool multiSelect, JsonObject submitData, string submitLabel)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var items = new JsonArray();
        foreach (var choice in choices)
        {
            items.Add(new JsonObject { ["title"] = choice.DisplayTitle, ["value"] = choice.Value });
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "Input.ChoiceSet",
                    ["id"] = CardPayload.AnswerKey,
                    ["style"] = choices.Count <= MaxExpanded ? "expanded" : "compact",
                    ["isMultiSelect"] = multiSelect,
                    ["choices"] = items,
                }),
            ["actions"] = new JsonArray(
                new JsonObject { ["type"] = "Action.Submit", ["title"] = submitLabel, ["data"] = submitData }),
        };
    }

    /// <summary>The SDK serialises attachments with Newtonsoft, so the card goes over as a JObject.</summary>
    public static Attachment ToAttachment(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Attachment { ContentType = ContentType, Content = JObject.Parse(card.ToJsonString()) };
    }
}
