using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// One stored state document: named values, each kept as its JSON text, so a turn parses the document once and
/// writes it once, and a value nobody touched this turn is copied through as it was.
/// </summary>
/// <remarks>
/// <para>
/// Values are written as nested JSON. Documents written by the SDK's BotState held our values as JSON inside a JSON
/// string; <see cref="StateProperty{T}"/> still reads those, and the document's next write stores them nested.
/// </para>
/// <para>
/// A value may also be held as the typed object a turn parsed or set (<see cref="Keep{T}"/>, <see cref="SetValue{T}"/>),
/// so a turn that reads and changes it many times parses it once and writes its JSON once, when the document is
/// written. Such an object belongs to the document: whoever hands it over must never change it again, and hands out
/// copies of it.
/// </para>
/// </remarks>
public sealed class StateDocument
{
    /// <summary>Each value: its JSON text (<see cref="string"/>) or a <see cref="TypedValue"/>.</summary>
    private readonly Dictionary<string, object> _values;

    private StateDocument(string key, Dictionary<string, object> values)
    {
        Key = key;
        _values = values;
    }

    public string Key { get; }

    public bool IsEmpty => _values.Count == 0;

    public static StateDocument Empty(string key) => new(key, new Dictionary<string, object>(StringComparer.Ordinal));

    /// <summary>A stored document; a property whose value is null is left out.</summary>
    public static StateDocument Parse(string key, string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
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

    /// <summary>The JSON text of a value, or null when the document has none by that name (a typed value is written out once, here or when the document is).</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var value) ? JsonOf(value) : null;

    /// <summary>Whether the document has a value by that name.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Sets a value to this JSON text (already valid JSON: it is written as it is).</summary>
    public void Set(string name, string json) => _values[name] = json;

    /// <summary>
    /// Sets a value to this object; its JSON is written with <paramref name="options"/> when the document is (once,
    /// however often the turn reads it). The object is the document's from now on: never change it again.
    /// </summary>
    public void SetValue<T>(string name, T value, JsonSerializerOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        _values[name] = new TypedValue<T>(value, options, json: null);
    }

    /// <summary>
    /// Keeps <paramref name="parsed"/>, read from the value's current JSON text, next to that text, so the rest of the
    /// turn need not parse it again; the text stays what is written. The object is the document's from now on.
    /// </summary>
    public void Keep<T>(string name, T parsed)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (_values.GetValueOrDefault(name) is string json)
        {
            _values[name] = new TypedValue<T>(parsed, options: null, json);
        }
    }

    /// <summary>The object this turn kept or set for a value, if it is a <typeparamref name="T"/>: the document's own, never to be changed.</summary>
    public bool TryGetValue<T>(string name, out T value)
        where T : class
    {
        if (_values.GetValueOrDefault(name) is TypedValue<T> typed)
        {
            value = typed.Value;
            return true;
        }

        value = null!;
        return false;
    }

    public void Remove(string name) => _values.Remove(name);

    public void Clear() => _values.Clear();

    /// <summary>The whole document as JSON, values nested as they are.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _values)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(JsonOf(value), skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string JsonOf(object value) => value as string ?? ((TypedValue)value).Json();

    private abstract class TypedValue
    {
        public abstract string Json();
    }

    /// <summary>A typed value and its JSON text, written from it the first time it is asked for.</summary>
    private sealed class TypedValue<T>(T value, JsonSerializerOptions? options, string? json) : TypedValue
    {
        private string? _json = json;

        public T Value => value;

        public override string Json() => _json ??= JsonSerializer.Serialize(value, options);
    }
}
