using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// The turn lease: the turns of one conversation run one at a time, in arrival order, across threads and instances
/// sharing the database, and a crashed instance blocks nobody for longer than <see cref="StorageOptions.TurnLeaseExpiry"/>.
///
/// Design (issue 12; the same on both providers): each arriving turn inserts a ticket
/// (conversation, instance id, heartbeat) into <c>turn_queue</c>; the auto-increment sequence is the arrival order. The
/// ticket with the lowest sequence of a conversation holds the lease; the others wait, polling. A background heartbeat
/// renews every ticket of this live instance once per <see cref="StorageOptions.TurnHeartbeat"/> (one UPDATE for all of
/// them); a ticket whose heartbeat is older than the expiry belongs to a dead instance and is deleted by whoever looks
/// next. A turn that runs past <see cref="StorageOptions.TurnLockSeconds"/> stops being renewed, so a hung turn cannot
/// block its conversation forever. A waiter gives up after <see cref="StorageOptions.TurnMaxWait"/> (well within Teams'
/// 15 seconds) and the request is refused with 503, so the channel resends it; the resend is safe (see TurnJournal).
/// Card actions (invokes) never take the lease: Teams retries them after about 5 seconds, and they change cases only
/// through conditional writes. Times are the instances' wall clocks, so instances need synchronised clocks (NTP).
/// Arrival order is the sequence only if tickets of one conversation become visible in sequence order: SQLite's single
/// writer gives that; on PostgreSQL a ticket is inserted under a transaction-scoped advisory lock on the conversation
/// (never a session lock, which would leak across pooled connections), so a lower sequence can never commit after a
/// higher one has looked for the head.
/// </summary>
public sealed partial class TurnLease(BotDatabase database, IOptions<StorageOptions> options, TimeProvider clock, ILogger<TurnLease> logger) : BackgroundService, ITurnLease
{
    /// <summary>
    /// This process's id in the queue: a crash ends its heartbeat, and its tickets expire. A restart on the same machine
    /// does not wait for that: the head ticket of a process that surely stopped (<see cref="ProcessInstance"/>) is taken away.
    /// </summary>
    public string InstanceId { get; } = ProcessInstance.NewId();

    public async Task<HeldTurnLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        using var span = Operations.Telemetry.BotTelemetry.StartTurnLease();
        var settings = options.Value;
        var (seq, head) = await EnqueueAsync(conversationKey, cancellationToken);
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(5);
        try
        {
            // The usual case, nobody ahead: the ticket's own transaction already saw it at the head, no second look.
            while (head?.Seq != seq)
            {
                if (head is { } other && other.InstanceId != InstanceId && ProcessInstance.IsSurelyGone(other.InstanceId))
                {
                    await DeleteTicketsOfAsync(other.InstanceId, cancellationToken);
                }
                else if (waited.Elapsed > settings.TurnMaxWait)
                {
                    throw new TurnBusyException();
                }
                else
                {
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
                }

                head = await HeadAsync(conversationKey, seq, cancellationToken);
            }
        }
        catch
        {
            await DeleteAsync(seq);
            throw;
        }

        return new HeldTurnLease(this, seq);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the injected clock: a test's frozen clock must not stop a live instance from saying it is alive.
        using var timer = new PeriodicTimer(options.Value.TurnHeartbeat);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await HeartbeatAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHeartbeatFailed(ex.GetType().FullName);
            }
        }
    }

    internal async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE turn_queue SET heartbeat_at = @now WHERE instance_id = @me AND created_at > @oldest";
        command.Parameters.AddWithValue("@now", now);
        command.Parameters.AddWithValue("@me", InstanceId);
        command.Parameters.AddWithValue("@oldest", now - TimeSpan.FromSeconds(options.Value.TurnLockSeconds));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Inserts the ticket and reads the conversation's head in one write transaction. On PostgreSQL the commit does not
    /// wait for the WAL flush (synchronous_commit off for this transaction only): a ticket is worth something only
    /// while its instance runs the turn, and a server crash that loses the last tickets also breaks the connections of
    /// the turns that held them. Everything else (state, journal, cases) keeps the server's durable commit.
    /// </summary>
    private async Task<(long Seq, (long Seq, string InstanceId)? Head)> EnqueueAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.IsPostgreSql)
        {
            return await EnqueueOnPostgresAsync(connection, key, now, cancellationToken);
        }

        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await using var command = connection.Command(InsertTicket, ("@key", key), ("@me", InstanceId), ("@now", now));
        command.Transaction = transaction;
        var seq = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var head = await ReadHeadAsync(connection, transaction, key, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (seq, head);
    }

    private const string InsertTicket = """
        INSERT INTO turn_queue (conversation_key, instance_id, created_at, heartbeat_at) VALUES (@key, @me, @now, @now)
        RETURNING seq
        """;

    private const string SelectHead = "SELECT seq, instance_id FROM turn_queue WHERE conversation_key = @key ORDER BY seq LIMIT 1";

    /// <summary>
    /// The same transaction as one batch, so the ticket costs one round trip to the server (not four): the advisory
    /// lock on the conversation, the insert, the head, the commit. A failure anywhere rolls the whole batch back.
    /// </summary>
    private async Task<(long Seq, (long Seq, string InstanceId)? Head)> EnqueueOnPostgresAsync(DbConnection connection, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"""
            BEGIN;
            SET LOCAL synchronous_commit = off;
            SELECT pg_advisory_xact_lock(hashtextextended(@lock, 0));
            {InsertTicket};
            {SelectHead};
            COMMIT;
            """, ("@lock", "turn:" + key), ("@key", key), ("@me", InstanceId), ("@now", now));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            do
            {
                if (reader.FieldCount == 1 && reader.GetName(0) == "seq" && await reader.ReadAsync(cancellationToken))
                {
                    var seq = reader.GetInt64(0);
                    await reader.NextResultAsync(cancellationToken);
                    var head = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : ((long, string)?)null;
                    while (await reader.NextResultAsync(cancellationToken))
                    {
                    }

                    return (seq, head);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        catch (Exception failure) when (failure is not OperationCanceledException || connection.State == System.Data.ConnectionState.Open)
        {
            // A batch that failed half-way leaves its transaction open on the pooled connection: end it (best effort;
            // a broken connection is not returned to the pool anyway).
            try
            {
                await using var rollback = connection.Command("ROLLBACK");
                await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex.IsDatabaseError() || ex is InvalidOperationException)
            {
            }

            throw;
        }

        throw new InvalidOperationException("The ticket insert returned no sequence.");
    }

    /// <summary>The ticket holding the lease now (our own when we are first), or null when ours is gone.</summary>
    private async Task<(long Seq, string InstanceId)?> HeadAsync(string key, long seq, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        // Tickets of dead instances (no heartbeat within the expiry) go first; then the lowest ticket holds the lease.
        const string DeleteStale = "DELETE FROM turn_queue WHERE conversation_key = @key AND heartbeat_at < @stale AND seq < @seq";
        (string, object)[] parameters = [("@key", key), ("@seq", seq), ("@stale", now - options.Value.TurnLeaseExpiry)];
        if (database.IsPostgreSql)
        {
            // One round trip for both (Npgsql's reader starts at the SELECT's rows): waiters poll, and under load every
            // round trip of theirs delays the holder's release on the same server.
            await using var both = connection.Command($"{DeleteStale}; {SelectHead}", parameters);
            await using var reader = await both.ExecuteReaderAsync(cancellationToken);
            while (reader.FieldCount != 2 && await reader.NextResultAsync(cancellationToken))
            {
            }

            return reader.FieldCount == 2 && await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
        }

        await using (var command = connection.Command(DeleteStale, parameters))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadHeadAsync(connection, null, key, cancellationToken);
    }

    private static async Task<(long Seq, string InstanceId)?> ReadHeadAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        // A command of its own rather than a batch: a reader over DELETE; SELECT starts at the DELETE on some providers.
        await using var head = connection.Command(SelectHead, ("@key", key));
        head.Transaction = transaction;
        await using var reader = await head.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>Deletes the ticket inside the caller's transaction (the turn's last write: its replies marked delivered).</summary>
    internal async Task ReleaseAsync(DbConnection connection, DbTransaction transaction, long seq, CancellationToken cancellationToken)
    {
        if (database.IsPostgreSql)
        {
            // See EnqueueAsync; a lost "delivered" mark only sends the replies again, which the journal allows.
            await using var relaxed = connection.Command("SET LOCAL synchronous_commit = off");
            relaxed.Transaction = transaction;
            await relaxed.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.Command("DELETE FROM turn_queue WHERE seq = @seq", ("@seq", seq));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every ticket of a process that has stopped: its turns are not running any more.</summary>
    private async Task DeleteTicketsOfAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM turn_queue WHERE instance_id = @instance";
        command.Parameters.AddWithValue("@instance", instanceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal async Task DeleteAsync(long seq)
    {
        await using var connection = await database.OpenAsync();
        // On PostgreSQL one batch (one round trip) with the relaxed commit of EnqueueAsync.
        await using var command = connection.Command(
            database.IsPostgreSql
                ? "BEGIN; SET LOCAL synchronous_commit = off; DELETE FROM turn_queue WHERE seq = @seq; COMMIT;"
                : "DELETE FROM turn_queue WHERE seq = @seq",
            ("@seq", seq));
        await command.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn lease heartbeat failed: {ExceptionType}; the next beat retries.")]
    private partial void LogHeartbeatFailed(string? exceptionType);
}

/// <summary>The conversation's lease stayed taken for the whole wait; the request is refused so the channel resends it.</summary>
public sealed class TurnBusyException() : Exception("Another turn of this conversation is still running.");
