using Microsoft.Bot.Builder;
using System.Buffers.Text;
using System.Data.Common;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Storage;

/// <summary>
/// The Bot Framework's IStorage on SQLite, with its ETag rules: a write naming a stale ETag is a conflict,
/// "*" overwrites, an item without an ETag (the SDK's own state bags) is last writer wins, a missing key reads as absent.
/// Documents are JSON encrypted with the key of the user or conversation they belong to; type names are never written.
/// </summary>
public sealed class SqliteBotStorage(BotDatabase database, TimeProvider clock, IPatientDataProtector protector) : IStorage, IStateStorage, IConversationStatePurge
{
    private const string ETagProperty = "ETag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });

    /// <summary>The SDK's IStorage read (kept for anything built on the SDK's state classes): documents as JObjects with their ETag.</summary>
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        foreach (var (key, stored) in await ReadStoredAsync(keys, cancellationToken))
        {
            var document = JObject.Parse(stored.Json);
            document[ETagProperty] = stored.ETag;
            items[key] = document;
        }

        return items;
    }

    /// <summary>The engine's state read: each existing document's JSON, decrypted; inside a turn, what the turn itself staged.</summary>
    async Task<IReadOnlyDictionary<string, string>> IStateStorage.ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var documents = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        foreach (var (key, stored) in await ReadStoredAsync(keys, cancellationToken))
        {
            documents[key] = stored.Json;
        }

        return documents;
    }

    private async Task<Dictionary<string, (string Json, string ETag)>> ReadStoredAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        using var span = Operations.Telemetry.BotTelemetry.StartStorage("read", keys.Count);
        var items = new Dictionary<string, (string Json, string ETag)>(keys.Count, StringComparer.Ordinal);
        var unread = new List<string>(keys.Count);
        // Inside a turn, what the turn itself wrote (not committed yet) is what it reads back.
        var unit = Turns.TurnUnit.Current;
        foreach (var key in keys)
        {
            if (unit is not null && unit.Staged.TryGetValue(key, out var staged))
            {
                if (staged() is { } json)
                {
                    items[key] = (json, StagedETag);
                }
            }
            else
            {
                unread.Add(key);
            }
        }

        if (unread.Count == 0)
        {
            return items;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = unread.Select((key, i) => { command.Parameters.AddWithValue($"@k{i}", key); return $"@k{i}"; });
        command.CommandText = $"SELECT key, etag, document FROM bot_state WHERE key IN ({string.Join(',', names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            // A document whose key was shredded reads as absent, like a deleted one.
            if (await protector.UnprotectAsync(PatientDataSubjects.OfStateKey(key), reader.GetString(2), cancellationToken) is { } json)
            {
                items[key] = (json, reader.GetString(1));
            }
        }

        return items;
    }

    /// <summary>The SDK's IStorage write, with its ETag rules (see the class summary).</summary>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var unit = Turns.TurnUnit.Current;
        if (unit is not null)
        {
            foreach (var (key, value) in changes)
            {
                ArgumentNullException.ThrowIfNull(value, key);
                var json = ToJson(value);
                unit.Stage(key, () => json);
            }

            return;
        }

        await WriteNowAsync(changes.Select(change => (change.Key, ExpectedETag(change.Value), (string?)ToJson(change.Value))).ToList(), cancellationToken);
    }

    /// <summary>
    /// The engine's state write. Inside a turn the documents themselves are staged, and serialised once when the turn
    /// commits; outside one (a proactive message, a card action) they are written now, last writer wins.
    /// </summary>
    Task IStateStorage.WriteAsync(IReadOnlyList<StateDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (Turns.TurnUnit.Current is { } unit)
        {
            foreach (var document in documents)
            {
                unit.Stage(document.Key, () => document.IsEmpty ? null : document.ToJson());
            }

            return Task.CompletedTask;
        }

        return WriteNowAsync(documents.Select(d => (d.Key, (string?)null, d.IsEmpty ? null : d.ToJson())).ToList(), cancellationToken);
    }

    private async Task WriteNowAsync(List<(string Key, string? Expected, string? Json)> changes, CancellationToken cancellationToken)
    {
        using var span = Operations.Telemetry.BotTelemetry.StartStorage("write", changes.Count);
        // Encrypted before the write transaction starts: creating a data key is a write of its own.
        var prepared = new List<(string Key, string? Expected, string? Document)>(changes.Count);
        foreach (var (key, expected, json) in changes)
        {
            prepared.Add((key, expected, json is null ? null : await protector.ProtectAsync(PatientDataSubjects.OfStateKey(key), json, cancellationToken)));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        // One transaction for the batch: either every change lands or none does.
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var (key, expected, document) in prepared)
        {
            if (document is null)
            {
                await DeleteOneAsync(connection, transaction, key, cancellationToken);
            }
            else
            {
                await WriteOneAsync(connection, transaction, key, expected, document, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string ToJson(object value)
    {
        var document = JObject.FromObject(value, Serializer);
        document.Remove(ETagProperty);
        return document.ToString(Formatting.None);
    }

    /// <summary>
    /// Conversation state keys are "{channel}/conversations/{id}" (the SDK's ConversationState). The dialog position of a
    /// chat idle past the cutoff is dropped; "start" begins again from the user's draft, which lives under "/users/".
    /// </summary>
    public async Task<int> PurgeIdleConversationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_state WHERE key LIKE '%/conversations/%' AND updated_at < @cutoff";
        command.Parameters.AddWithValue("@cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (Turns.TurnUnit.Current is { } unit)
        {
            foreach (var key in keys)
            {
                unit.Stage(key, static () => null);
            }

            return;
        }

        using var span = Operations.Telemetry.BotTelemetry.StartStorage("delete", keys.Length);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var key in keys)
        {
            await DeleteOneAsync(connection, transaction: null, key, cancellationToken);
        }
    }

    /// <summary>
    /// Commits a turn's staged writes and deletes in one transaction together with the rows it staged elsewhere
    /// (<see cref="Turns.TurnUnit.AlsoCommit"/>) and <paramref name="alsoInTransaction"/> (the turn's journal entry), so
    /// the state and the record that the activity was handled land together or not at all.
    /// </summary>
    public async Task CommitTurnAsync(Turns.TurnUnit unit, Func<DbConnection, DbTransaction, Task> alsoInTransaction, CancellationToken cancellationToken)
    {
        using var span = Operations.Telemetry.BotTelemetry.StartStorage("write", unit.Order.Count);
        var prepared = new List<(string Key, string? Document)>(unit.Order.Count);
        foreach (var key in unit.Order)
        {
            prepared.Add((key, unit.Staged[key]() is { } json
                ? await protector.ProtectAsync(PatientDataSubjects.OfStateKey(key), json, cancellationToken)
                : null));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var (key, document) in prepared)
        {
            if (document is null)
            {
                await DeleteOneAsync(connection, transaction, key, cancellationToken);
            }
            else
            {
                await WriteOneAsync(connection, transaction, key, expected: null, document, cancellationToken);
            }
        }

        foreach (var write in unit.Writes)
        {
            await write(connection, transaction, cancellationToken);
        }

        await alsoInTransaction(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        foreach (var committed in unit.AfterCommit)
        {
            committed();
        }
    }

    /// <summary>The ETag a staged document reads with; the turn's own lease already keeps others out.</summary>
    private const string StagedETag = "staged-in-turn";

    private static async Task DeleteOneAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM bot_state WHERE key = @key";
        delete.Parameters.AddWithValue("@key", key);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteOneAsync(DbConnection connection, DbTransaction transaction, string key, string? expected, string document, CancellationToken cancellationToken)
    {
        // 96 random bits, base64url: unique per write (all an ETag needs), and 16 characters where a GUID took 32.
        var newETag = Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@etag", newETag);
        command.Parameters.AddWithValue("@document", document);
        command.Parameters.AddWithValue("@now", clock.GetUtcNow());
        if (expected is null || expected == "*")
        {
            command.CommandText = """
                INSERT INTO bot_state (key, etag, document, updated_at) VALUES (@key, @etag, @document, @now)
                ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_at = excluded.updated_at
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        // A named ETag: the write lands only on that exact version, or on a key nobody has written yet.
        command.Parameters.AddWithValue("@expected", expected);
        command.CommandText = """
            INSERT INTO bot_state (key, etag, document, updated_at) VALUES (@key, @etag, @document, @now)
            ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, document = excluded.document, updated_at = excluded.updated_at
            WHERE bot_state.etag = @expected
            """;
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new StorageETagConflictException(key);
        }
    }

    private static string? ExpectedETag(object value) => value switch
    {
        IStoreItem item => item.ETag,
        JObject json => json.Value<string>(ETagProperty),
        _ => null,
    };
}
