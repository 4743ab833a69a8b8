using System.Collections.Concurrent;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>State documents in this process's memory, as JSON text (so nothing is shared between turns by reference): for tests and demos.</summary>
public sealed class MemoryStateStorage : IStateStorage
{
    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => [.. _documents.Keys];

    public Task<IReadOnlyDictionary<string, string>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_documents.TryGetValue(key, out var json))
            {
                found[key] = json;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(found);
    }

    public Task WriteAsync(IReadOnlyList<StateDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            if (document.IsEmpty)
            {
                _documents.TryRemove(document.Key, out _);
            }
            else
            {
                _documents[document.Key] = document.ToJson();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Changes a stored document's text directly (a test standing in for an older build's writes).</summary>
    public void Put(string key, string json) => _documents[key] = json;

    public string? Get(string key) => _documents.GetValueOrDefault(key);
}
