using System.Text.Json;
using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// One named value in the user's or the conversation's state document, as System.Text.Json (no type names, ever).
/// Reads come from the turn's documents in memory; a change is handed to the storage at once (the host's storage
/// holds it until the turn commits, so a turn that fails leaves nothing behind).
/// </summary>
public sealed class StateProperty<T>(IStateStorage storage, StateScope scope, string name, JsonSerializerOptions? writeOptions = null)
{
    private readonly JsonSerializerOptions _write = writeOptions ?? DialogJson.Options;

    public string Name => name;

    /// <summary>The value, <paramref name="missing"/> when there is none; throws <see cref="JsonException"/> when what is stored cannot be read as <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync(ITurnContext turn, T missing, CancellationToken cancellationToken)
    {
        var json = (await DocumentAsync(turn, cancellationToken)).Get(name);
        return json is not null && TryRead(json, out var value) ? value : missing;
    }

    public async Task<bool> ExistsAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        (await DocumentAsync(turn, cancellationToken)).Has(name);

    public async Task SetAsync(ITurnContext turn, T value, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(turn, cancellationToken);
        if (value is null)
        {
            document.Remove(name);
        }
        else
        {
            document.Set(name, JsonSerializer.Serialize(value, _write));
        }

        await storage.WriteAsync([document], cancellationToken);
    }

    public async Task DeleteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var document = await DocumentAsync(turn, cancellationToken);
        document.Remove(name);
        await storage.WriteAsync([document], cancellationToken);
    }

    /// <summary>
    /// The value this JSON text holds (false for an empty value: JSON null, or an empty string from the SDK's state
    /// bags); throws <see cref="JsonException"/> when it cannot be read as <typeparamref name="T"/>.
    /// </summary>
    internal static bool TryRead(string json, out T value)
    {
        // Written by the SDK's BotState: our JSON inside a JSON string.
        if (json.StartsWith('"') && typeof(T) != typeof(string))
        {
            json = JsonSerializer.Deserialize<string>(json)!;
            if (string.IsNullOrEmpty(json))
            {
                value = default!;
                return false;
            }
        }

        value = JsonSerializer.Deserialize<T>(json, DialogJson.Options)!;
        return value is not null;
    }

    /// <summary>Hands this turn's document (as it is now, with the value's latest content) to the storage.</summary>
    internal Task WriteAsync(StateDocument document, CancellationToken cancellationToken) => storage.WriteAsync([document], cancellationToken);

    internal async Task<StateDocument> DocumentAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        (await TurnStateDocuments.ForAsync(turn, storage, cancellationToken))[scope];
}
