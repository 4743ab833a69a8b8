using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs;

/// <summary>A typed view over a frame's values: each read names its type, nothing is cast.</summary>
public sealed class StepValues(JsonObject values)
{
    public T? Get<T>(string key) => values.TryGetPropertyValue(key, out var node) ? DialogJson.As<T>(node) : default;

    public void Set<T>(string key, T value) => values[key] = DialogJson.ToNode(value);

    public bool Contains(string key) => values.ContainsKey(key);

    public void Remove(string key) => values.Remove(key);
}
