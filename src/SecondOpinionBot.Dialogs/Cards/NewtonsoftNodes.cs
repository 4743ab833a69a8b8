using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Dialogs.Cards;

/// <summary>
/// A System.Text.Json tree as the Newtonsoft tree the SDK serialises, node by node. It gives what
/// <c>JObject.Parse(node.ToJsonString())</c> gives (the same property order, integers as Int64, an ISO date-time string
/// read as a date as Newtonsoft's reader does), without writing every card out as text and parsing it back on every
/// turn: that round trip was most of the cost of sending a card. Values it cannot map one to one (a non-integer
/// number, a value holding another CLR type) still go through the text, one value at a time.
/// </summary>
internal static class NewtonsoftNodes
{
    public static JObject ToJObject(JsonObject node, JsonSerializerOptions textOptions)
    {
        var result = new JObject();
        foreach (var (name, value) in node)
        {
            result.Add(name, ToToken(value, textOptions));
        }

        return result;
    }

    private static JToken ToToken(JsonNode? node, JsonSerializerOptions textOptions) => node switch
    {
        null => JValue.CreateNull(),
        JsonObject obj => ToJObject(obj, textOptions),
        JsonArray array => ToJArray(array, textOptions),
        JsonValue value => ToJValue(value, textOptions),
        _ => throw new NotSupportedException($"Unexpected JSON node {node.GetType().Name}."),
    };

    private static JArray ToJArray(JsonArray array, JsonSerializerOptions textOptions)
    {
        var result = new JArray();
        foreach (var item in array)
        {
            result.Add(ToToken(item, textOptions));
        }

        return result;
    }

    private static JToken ToJValue(JsonValue value, JsonSerializerOptions textOptions)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when value.TryGetValue<string>(out var text) && !MayReadAsDate(text):
                return new JValue(text);
            case JsonValueKind.True or JsonValueKind.False when value.TryGetValue<bool>(out var flag):
                return new JValue(flag);
            case JsonValueKind.Number when value.TryGetValue<int>(out var small):
                return new JValue((long)small);
            case JsonValueKind.Number when value.TryGetValue<long>(out var large):
                return new JValue(large);
            default:
                return JToken.Parse(value.ToJsonString(textOptions));
        }
    }

    /// <summary>
    /// The strings Newtonsoft's reader may turn into a date (DateParseHandling.DateTime, its ISO shape: 19 to 40
    /// characters, a digit first, 'T' at index 10, or a "/Date(" form); those go through the text so they stay as the
    /// parser made them.
    /// </summary>
    private static bool MayReadAsDate(string text) =>
        (text.Length is >= 19 and <= 40 && char.IsDigit(text[0]) && text[10] == 'T')
        || text.StartsWith("/Date(", StringComparison.Ordinal);
}
