using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SecondOpinionBot.Dialogs;

/// <summary>The one System.Text.Json configuration for dialog state, options and results (no type names, ever).</summary>
public static class DialogJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// <see cref="Options"/> without default values (nulls, zeros, false) and empty lists and objects, for what is written
    /// on every turn (the dialog stack, a question's note). Read back with <see cref="Options"/>: a missing property keeps
    /// its initial value, so a type written this way starts its lists and objects empty and everything else default.
    /// </summary>
    public static JsonSerializerOptions Compact { get; } = new(Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutEmptyCollections } },
    };

    public static JsonNode? ToNode<T>(T value) => ToNode(value, Options);

    public static JsonNode? ToNode<T>(T value, JsonSerializerOptions options) => value is JsonNode node
        ? node.DeepClone()
        : JsonSerializer.SerializeToNode(value, options);

    /// <summary>Leaves out empty (and null) lists, dictionaries and JSON objects: for types that start them empty, so a missing one reads back as it was.</summary>
    internal static void WithoutEmptyCollections(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (typeof(JsonObject).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is JsonObject { Count: > 0 };
            }
            else if (typeof(System.Collections.ICollection).IsAssignableFrom(property.PropertyType))
            {
                property.ShouldSerialize = (_, value) => value is not (null or System.Collections.ICollection { Count: 0 });
            }
        }
    }

    public static T? As<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(Options);
}
