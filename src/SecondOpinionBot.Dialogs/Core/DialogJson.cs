using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs;

/// <summary>The one System.Text.Json configuration for dialog state, options and results (no type names, ever).</summary>
public static class DialogJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static JsonNode? ToNode<T>(T value) => value is JsonNode node
        ? node.DeepClone()
        : JsonSerializer.SerializeToNode(value, Options);

    public static T? As<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(Options);
}
