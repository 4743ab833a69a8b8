using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs.Cards;

/// <summary>The body elements the bot's cards use, as Adaptive Card 1.5 JSON. Give inputs a label: screen readers read it.</summary>
public static class CardElements
{
    /// <summary>Wrapped text; only the options given are written, so the card stays small.</summary>
    public static JsonObject Text(
        string text, string? weight = null, string? size = null, string? color = null, bool subtle = false, bool italic = false, bool heading = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        Set(block, "weight", weight);
        Set(block, "size", size);
        Set(block, "color", color);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (italic)
        {
            block["italic"] = true;
        }

        if (heading)
        {
            block["style"] = "heading";
        }

        return block;
    }

    /// <summary>Buttons inside the body, next to what they act on.</summary>
    public static JsonObject ActionSet(params JsonNode[] actions) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) };

    /// <summary>An element that starts hidden, shown by a <see cref="CardActions.ToggleVisibility"/> naming <paramref name="id"/>.</summary>
    public static JsonObject Hidden(JsonObject element, string id)
    {
        ArgumentNullException.ThrowIfNull(element);
        element["id"] = id;
        element["isVisible"] = false;
        return element;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    public static JsonObject Container(IEnumerable<JsonNode> items, string? id = null, bool separator = false, string? spacing = null, string? style = null)
    {
        var container = new JsonObject { ["type"] = "Container" };
        Set(container, "id", id);
        if (separator)
        {
            container["separator"] = true;
        }

        Set(container, "spacing", spacing);
        Set(container, "style", style);
        container["items"] = new JsonArray([.. items]);
        return container;
    }

    /// <param name="label">Read by screen readers; null only where the question right above says it.</param>
    /// <param name="expanded">Radio buttons or check boxes (true) or a drop-down (false).</param>
    public static JsonObject ChoiceSet(
        string id, string? label, IEnumerable<(string Title, string Value)> choices, bool expanded = true, bool multiSelect = false,
        string? value = null, bool required = false, string? errorMessage = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["style"] = expanded ? "expanded" : "compact",
            ["isMultiSelect"] = multiSelect,
            ["wrap"] = true,
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        Set(input, "label", label);
        Set(input, "value", value);
        Required(input, required, errorMessage);
        return input;
    }

    public static JsonObject TextInput(
        string id, string label, string? placeholder = null, bool multiline = false, int? maxLength = null, bool required = false, string? errorMessage = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["isMultiline"] = multiline };
        Set(input, "placeholder", placeholder);
        if (maxLength is { } max)
        {
            input["maxLength"] = max;
        }

        Required(input, required, errorMessage);
        return input;
    }

    private static void Required(JsonObject input, bool required, string? errorMessage)
    {
        if (required)
        {
            input["isRequired"] = true;
            Set(input, "errorMessage", errorMessage);
        }
    }

    private static void Set(JsonObject element, string key, string? value)
    {
        if (value is not null)
        {
            element[key] = value;
        }
    }
}
