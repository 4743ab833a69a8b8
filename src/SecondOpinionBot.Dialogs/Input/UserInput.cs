using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace SecondOpinionBot.Dialogs.Input;

/// <summary>
/// What the user sent: typed text, card input values, or both. A card submit has a value and often no text; nothing here
/// assumes text is present.
/// </summary>
public sealed record UserInput(string? Text, JsonObject? Value)
{
    public static UserInput None { get; } = new(null, null);

    /// <summary>The answer to the current question: the typed text, else the card's <c>answer</c> input.</summary>
    public string? Answer => !string.IsNullOrWhiteSpace(Text)
        ? Text.Trim()
        : Value?[CardPayload.AnswerKey] is JsonValue answer && answer.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    /// <summary>The engine's tag on a card submit, if any.</summary>
    public CardSubmit? Submit => CardPayload.Read(Value);

    /// <summary>Every piece of free text the user sent (typed text and string card inputs), for interruption checks.</summary>
    public IEnumerable<string> AllTexts()
    {
        if (!string.IsNullOrWhiteSpace(Text))
        {
            yield return Text;
        }

        if (Value is null)
        {
            yield break;
        }

        foreach (var (key, node) in Value)
        {
            if (!CardPayload.IsTagKey(key) && node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s))
            {
                yield return s;
            }
        }
    }

    public static UserInput From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity is not IMessageActivity message)
        {
            return None;
        }

        // In Teams channels and group chats the text starts with "<at>Bot</at>"; answers must not include it.
        var text = message.GetMentions().Any(m => m.Mentioned?.Id == activity.Recipient?.Id)
            ? message.RemoveRecipientMention()
            : message.Text;
        return new UserInput(string.IsNullOrWhiteSpace(text) ? null : text.Trim(), ReadValue(message.Value));
    }

    /// <summary>The SDK hands card values over as Newtonsoft objects; read them into System.Text.Json once, here.</summary>
    private static JsonObject? ReadValue(object? value) => value switch
    {
        null => null,
        string s => TryParseObject(s),
        _ => TryParseObject(JsonConvert.SerializeObject(value)),
    };

    private static JsonObject? TryParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
