using Microsoft.Bot.Builder;
using System.Buffers.Text;
using System.Data.Common;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Storage;

/// <summary>
/// The Bot Framework's IStorage on SQLite, with its ETag rules: a write naming a stale ETag is a conflict,
/// "*" overwrites, an item without an ETag (the SDK's own state bags) is last writer wins, a missing key reads as absent.
/// Documents are JSON encrypted with the key of the user or conversation they belong to; type names are never written.
/// </summary>
public sealed class SqliteBotStorage(BotDatabase database, TimeProvider clock, IPatientDataProtector protector) : IStorage, IConversationStatePurge
{
    private const string ETagProperty = "ETag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var span = Operations.Telemetry.BotTelemetry.StartStorage("read", keys.Length);
        var items = new Dictionary<string, object>(keys.Length);
        // Inside a turn, what the turn itself wrote (not committed yet) is what it reads back.
        var unit = Turns.TurnUnit.Current;
        if (unit is not null)
        {
            foreach (var key in keys.Where(unit.Staged.ContainsKey))
            {
                if (unit.Staged[key] is { } staged)
                {
                    var copy = (JObject)staged.DeepClone();
                    copy[ETagProperty] = StagedETag;
                    items[key] = copy;
                }
            }

            keys = keys.Where(key => !unit.Staged.ContainsKey(key)).ToArray();
        }

        if (keys.Length == 0)
        {
            return items;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = keys.Select((key, i) => { command.Parameters.AddWithValue($"@k{i}", key); return $"@k{i}"; });
        command.CommandText = $"SELECT key, etag, document FROM bot_state WHERE key IN ({string.Join(',', names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            // A document whose key was shredded reads as absent, like a deleted one.
            if (await protector.UnprotectAsync(PatientDataSubjects.OfStateKey(key), reader.GetString(2), cancellationToken) is not { } json)
            {
                continue;
            }

            var document = JObject.Parse(json);
            document[ETagProperty] = reader.GetString(1);
            items[key] = document;
        }

        return items;
    }

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
                var document = JObject.FromObject(value, Serializer);
                document.Remove(ETagProperty);
                unit.Stage(key, document);
            }

            return;
        }

        using var span = Operations.Telemetry.BotTelemetry.StartStorage("write", changes.Count);
        // Encrypted before the write transaction starts: creating a data key is a write of its own.
        var prepared = new List<(string Key, string? Expected, string Document)>(changes.Count);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(value, key);
            var document = JObject.FromObject(value, Serializer);
            document.Remove(ETagProperty);
            prepared.Add((key, ExpectedETag(value), await protector.ProtectAsync(PatientDataSubjects.OfStateKey(key), document.ToString(Formatting.None), cancellationToken)));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        // One transaction for the batch: either every change lands or none does.
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var (key, expected, document) in prepared)
        {
            await WriteOneAsync(connection, transaction, key, expected, document, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
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
                unit.Stage(key, null);
            }

            return;
        }

        using var span = Operations.Telemetry.BotTelemetry.StartStorage("delete", keys.Length);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM bot_state WHERE key = @key";
            command.Parameters.AddWithValue("@key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
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
            prepared.Add((key, unit.Staged[key] is { } document
                ? await protector.ProtectAsync(PatientDataSubjects.OfStateKey(key), document.ToString(Formatting.None), cancellationToken)
                : null));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        foreach (var (key, document) in prepared)
        {
            if (document is null)
            {
                await using var delete = connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM bot_state WHERE key = @key";
                delete.Parameters.AddWithValue("@key", key);
                await delete.ExecuteNonQueryAsync(cancellationToken);
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
