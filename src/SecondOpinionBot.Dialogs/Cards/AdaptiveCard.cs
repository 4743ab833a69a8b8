using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Dialogs.Cards;

/// <summary>
/// The one way this bot builds an Adaptive Card (1.5): System.Text.Json nodes from <see cref="CardElements"/> and
/// <see cref="CardActions"/>, turned into the SDK's Newtonsoft object only at the edge (<see cref="ToAttachment()"/>),
/// because the SDK serialises attachments with Newtonsoft. Submits carry a <see cref="CardTag"/>.
/// </summary>
public sealed class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];
    private JsonObject? _refresh;

    /// <summary>Adds an element to the body; null adds nothing, so optional parts read as one expression.</summary>
    public AdaptiveCard Add(JsonNode? element)
    {
        if (element is not null)
        {
            _body.Add(element);
        }

        return this;
    }

    public AdaptiveCard AddRange(IEnumerable<JsonNode?> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var element in elements)
        {
            Add(element);
        }

        return this;
    }

    public AdaptiveCard Action(JsonNode? action)
    {
        if (action is not null)
        {
            _actions.Add(action);
        }

        return this;
    }

    /// <summary>
    /// Teams asks the bot for each listed user's own view of the card (Action.Execute, at most 60 user ids: Teams'
    /// limit); everyone else sees the card as sent.
    /// </summary>
    public AdaptiveCard RefreshFor(JsonObject executeAction, IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(userIds), userIds.Count, "Teams refreshes a card for at most 60 users.");
        }

        _refresh = new JsonObject { ["action"] = executeAction, ["userIds"] = new JsonArray([.. userIds.Select(id => (JsonNode)id)]) };
        return this;
    }

    public JsonObject ToJson()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = _body.DeepClone(),
            ["actions"] = _actions.DeepClone(),
        };
        if (_refresh is not null)
        {
            card["refresh"] = _refresh.DeepClone();
        }

        return card;
    }

    public Attachment ToAttachment() => ToAttachment(ToJson());

    /// <summary>The SDK edge: the card as a message attachment.</summary>
    public static Attachment ToAttachment(JsonObject card) => new() { ContentType = ContentType, Content = SdkContent(card) };

    /// <summary>
    /// The SDK edge: the card as the Newtonsoft object the SDK serialises (attachments, invoke responses). A
    /// System.Text.Json node handed to the SDK as it is would be serialised as an object graph, not as JSON.
    /// </summary>
    public static JObject SdkContent(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return NewtonsoftNodes.ToJObject(card, Readable);
    }

    /// <summary>The card as JSON text, with its words as written (no \u escapes for "·" or "é"), as Teams would show them.</summary>
    public static string Text(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.ToJsonString(Readable);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
