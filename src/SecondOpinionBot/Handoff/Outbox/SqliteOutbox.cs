using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// The outbox (both providers). Leasing is one conditional UPDATE … RETURNING, so two instances never take the same item
/// while its lease runs; an instance that dies mid-send loses its lease when it expires and the item is sent again.
/// </summary>
public sealed class SqliteOutbox(BotDatabase database, TimeProvider clock, IOptions<HandoffOptions> options, OutboxSignal signal) : IOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task EnqueueAsync(OutboxKind kind, OutboxPayload payload, string? dedupeKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox (kind, case_reference, payload, dedupe_key, created_at, next_attempt_at)
            VALUES (@kind, @reference, @payload, @dedupe, @now, @now)
            ON CONFLICT (dedupe_key) DO NOTHING
            """;
        command.Parameters.AddWithValue("@kind", kind.ToName());
        command.Parameters.AddWithValue("@reference", payload.Reference);
        command.Parameters.AddWithValue("@payload", JsonSerializer.Serialize(payload, Json));
        command.Parameters.AddWithValue("@dedupe", (object?)dedupeKey ?? DBNull.Value);
        command.Parameters.AddWithValue("@now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        signal.Notify();
    }

    public async Task<IReadOnlyList<OutboxItem>> LeaseDueAsync(string owner, int batchSize, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // PostgreSQL: rows another instance is leasing right now are skipped, not waited for (and the outer UPDATE
        // re-checks the lease, so a row leased between the two is not taken twice). SQLite has one writer at a time.
        // The due ids are picked in a materialised CTE: as an IN (subquery) PostgreSQL may evaluate the LIMIT … FOR
        // UPDATE SKIP LOCKED subquery more than once and lease more than the batch (the outbox contract test saw 2 of 1).
        command.CommandText = $"""
            WITH due AS {(database.IsPostgreSql ? "MATERIALIZED " : "")}(
                SELECT id FROM outbox
                WHERE completed_at IS NULL AND dead_letter IS NULL AND next_attempt_at <= @now
                  AND (lease_until IS NULL OR lease_until < @now)
                ORDER BY id LIMIT @batch{(database.IsPostgreSql ? " FOR UPDATE SKIP LOCKED" : "")})
            UPDATE outbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1,
                maybe_sent = CASE WHEN sending_since IS NOT NULL THEN 1 ELSE maybe_sent END, sending_since = NULL
            WHERE id IN (SELECT id FROM due)
              AND completed_at IS NULL AND dead_letter IS NULL AND (lease_until IS NULL OR lease_until < @now)
            RETURNING id, kind, payload, attempts, maybe_sent
            """;
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@until", now + options.Value.Outbox.Lease);
        command.Parameters.AddWithValue("@now", now);
        command.Parameters.AddWithValue("@batch", batchSize);
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OutboxItem(
                reader.GetInt64(0),
                OutboxKinds.Parse(reader.GetString(1)),
                JsonSerializer.Deserialize<OutboxPayload>(reader.GetString(2), Json)!,
                reader.GetInt32(3),
                Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture) != 0));
        }

        // RETURNING gives rows in no promised order; sending follows the order items were added.
        return items.OrderBy(item => item.Id).ToList();
    }

    public async Task<int> ReleaseLeasesOfGoneOwnersAsync(Func<string, bool> isGone, CancellationToken cancellationToken)
    {
        var owners = new List<string>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT DISTINCT lease_owner FROM outbox
                WHERE completed_at IS NULL AND dead_letter IS NULL AND lease_owner IS NOT NULL AND lease_until >= @now
                """;
            command.Parameters.AddWithValue("@now", clock.GetUtcNow());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add(reader.GetString(0));
            }
        }

        var freed = 0;
        foreach (var owner in owners.Where(isGone))
        {
            freed += await ExecuteAsync(
                "UPDATE outbox SET lease_until = NULL WHERE lease_owner = @owner AND completed_at IS NULL AND dead_letter IS NULL",
                cancellationToken, ("@owner", owner));
        }

        return freed;
    }

    public async Task<bool> MarkSendingAsync(long id, string owner, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE outbox SET sending_since = @now WHERE id = @id AND lease_owner = @owner AND completed_at IS NULL AND dead_letter IS NULL",
            cancellationToken, ("@id", id), ("@owner", owner), ("@now", clock.GetUtcNow())) == 1;

    public Task CompleteAsync(long id, CancellationToken cancellationToken) => ExecuteAsync(
        "UPDATE outbox SET completed_at = @now, lease_owner = NULL, lease_until = NULL, last_error = NULL, sending_since = NULL WHERE id = @id",
        cancellationToken, ("@id", id), ("@now", clock.GetUtcNow()));

    public Task RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string reason, bool maybeSent, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE outbox SET next_attempt_at = @next, lease_owner = NULL, lease_until = NULL, last_error = @error,
            sending_since = NULL, maybe_sent = CASE WHEN @maybe = 1 THEN 1 ELSE maybe_sent END
        WHERE id = @id AND lease_owner = @owner AND completed_at IS NULL
        """,
        cancellationToken, ("@id", id), ("@owner", owner), ("@next", nextAttemptAt), ("@error", reason), ("@maybe", maybeSent ? 1 : 0));

    public Task DeadLetterAsync(long id, string owner, string reason, CancellationToken cancellationToken) => ExecuteAsync(
        """
        UPDATE outbox SET dead_letter = @reason, lease_owner = NULL, lease_until = NULL
        WHERE id = @id AND lease_owner = @owner AND completed_at IS NULL
        """,
        cancellationToken, ("@id", id), ("@owner", owner), ("@reason", reason));

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.id, o.kind, o.case_reference, o.dead_letter, o.attempts, c.queue, o.created_at
            FROM outbox o LEFT JOIN cases c ON c.reference = o.case_reference
            WHERE o.dead_letter IS NOT NULL ORDER BY o.id
            """;
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var reference = reader.GetString(2);
            var queue = reader.IsDBNull(5) ? (reference.StartsWith("queue:", StringComparison.Ordinal) ? reference["queue:".Length..] : null) : reader.GetString(5);
            letters.Add(new DeadLetter(reader.GetInt64(0), OutboxKinds.Parse(reader.GetString(1)), reference, reader.GetString(3), reader.GetInt32(4), queue, reader.GetTime(6)));
        }

        return letters;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE completed_at IS NULL AND dead_letter IS NULL";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
