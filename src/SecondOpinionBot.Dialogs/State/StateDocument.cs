using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// One stored state document: named values, each kept as its JSON text, so a turn parses the document once and
/// writes it once, and a value nobody touched this turn is copied through as it was.
/// </summary>
/// <remarks>
/// Values are written as nested JSON. Documents written by the SDK's BotState held our values as JSON inside a JSON
/// string; <see cref="StateProperty{T}"/> still reads those, and the document's next write stores them nested.
/// </remarks>
public sealed class StateDocument
{
    private readonly Dictionary<string, string> _values;

    private StateDocument(string key, Dictionary<string, string> values)
    {
        Key = key;
        _values = values;
    }

    public string Key { get; }

    public bool IsEmpty => _values.Count == 0;

    public static StateDocument Empty(string key) => new(key, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>A stored document; a property whose value is null is left out.</summary>
    public static StateDocument Parse(string key, string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // "ETag": written by the SDK's state bags next to their values; not a value of ours.
                if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && property.Name != "ETag")
                {
                    values[property.Name] = property.Value.GetRawText();
                }
            }
        }

        return new StateDocument(key, values);
    }

    /// <summary>The JSON text of a value, or null when the document has none by that name.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>Sets a value to this JSON text (already valid JSON: it is written as it is).</summary>
    public void Set(string name, string json) => _values[name] = json;

    public void Remove(string name) => _values.Remove(name);

    public void Clear() => _values.Clear();

    /// <summary>The whole document as JSON, values nested as they are.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, json) in _values)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(json, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
