using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs.Cards;

/// <summary>The buttons the bot's cards use. Their data always starts from a <see cref="CardTag"/>.</summary>
public static class CardActions
{
    /// <summary>A button whose data (the tag, plus any extra fields) comes back as a message with a value.</summary>
    public static JsonObject Submit(string title, JsonObject data, string? tooltip = null, bool primary = false)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (tooltip is not null)
        {
            action["tooltip"] = tooltip;
        }

        if (primary)
        {
            action["style"] = "positive";
        }

        return action;
    }

    /// <summary>
    /// A Teams Universal Action: comes back as an adaptiveCard/action invoke with the verb, answered with a card.
    /// Dialogs (task/fetch) open only from Action.Submit with msteams data, never from here (teams-staff-facts.md).
    /// </summary>
    /// <param name="title">The button's words; null for the refresh action, which is never shown.</param>
    public static JsonObject Execute(string verb, string? title, JsonObject data, bool primary = false)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb };
        if (title is not null)
        {
            action["title"] = title;
        }

        action["data"] = data;
        if (primary)
        {
            action["style"] = "positive";
        }

        return action;
    }

    /// <summary>A button that opens a small card in place (no round trip), e.g. the list of sections to change.</summary>
    public static JsonObject ShowCard(string title, IEnumerable<JsonNode> body, IEnumerable<JsonNode> actions) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray([.. body]),
            ["actions"] = new JsonArray([.. actions]),
        },
    };

    /// <summary>Shows or hides elements in place, e.g. "why it matters" under one row.</summary>
    public static JsonObject ToggleVisibility(string title, string? tooltip, params string[] targetIds)
    {
        var action = new JsonObject { ["type"] = "Action.ToggleVisibility", ["title"] = title };
        if (tooltip is not null)
        {
            action["tooltip"] = tooltip;
        }

        action["targetElements"] = new JsonArray([.. targetIds.Select(id => (JsonNode)id)]);
        return action;
    }
}
