using System.Globalization;
using System.Data.Common;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations;

/// <summary>The monitor's reads: counts and ages straight from the tables, no patient data selected.</summary>
public sealed class OperationsQueries(BotDatabase database, IOptions<OperationsOptions> options, TimeProvider clock)
{
    /// <summary>Statuses in which a case waits for someone to claim it.</summary>
    internal const string Waiting = "('New', 'Transferred', 'Reopened')";

    public async Task<OperationsSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        await using var connection = await database.OpenAsync(cancellationToken);

        var active = await ScalarAsync(connection, "SELECT COUNT(*) FROM bot_state WHERE key LIKE '%/conversations/%' AND updated_at >= @since",
            cancellationToken, ("@since", now - settings.ActiveWindow));
        var inProgress = await ScalarAsync(connection, "SELECT COUNT(*) FROM journeys WHERE outcome IS NULL", cancellationToken);
        var depth = await ScalarAsync(connection, "SELECT COUNT(*) FROM outbox WHERE completed_at IS NULL AND dead_letter IS NULL", cancellationToken);
        var deadLetters = await ScalarAsync(connection, "SELECT COUNT(*) FROM outbox WHERE dead_letter IS NOT NULL", cancellationToken);
        TimeSpan? oldest = null;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT MIN(created_at) FROM outbox WHERE completed_at IS NULL AND dead_letter IS NULL";
            if (await command.ExecuteScalarAsync(cancellationToken) is { } created and not DBNull)
            {
                oldest = now - StoredTime.FromStored(created);
            }
        }

        var waiting = await ByQueueAsync(connection, $"SELECT queue, COUNT(*) FROM cases WHERE status IN {Waiting} GROUP BY queue", cancellationToken);
        var overdue = await ByQueueAsync(connection, $"""
            SELECT queue, COUNT(*) FROM cases
            WHERE status IN {Waiting}
              AND ((priority = 'Urgent' AND created_at < @urgent) OR (priority <> 'Urgent' AND created_at < @routine))
            GROUP BY queue
            """, cancellationToken,
            ("@urgent", now - settings.ClaimTargetUrgent), ("@routine", now - settings.ClaimTargetRoutine));
        var unbound = await ByQueueAsync(connection, $"""
            SELECT c.queue, COUNT(*) FROM cases c LEFT JOIN queue_bindings b ON b.queue = c.queue
            WHERE b.queue IS NULL AND c.status IN {Waiting} GROUP BY c.queue
            """, cancellationToken);
        return new OperationsSnapshot(now, active, inProgress, depth, oldest, deadLetters, waiting, overdue, unbound);
    }

    /// <summary>Marks journeys idle past the limit as abandoned at their last step; returns those steps.</summary>
    public async Task<IReadOnlyList<string>> AbandonIdleJourneysAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE journeys SET outcome = 'abandoned', ended_at = @now, subject = NULL
            WHERE outcome IS NULL AND last_at < @cutoff
            RETURNING last_step
            """;
        command.Parameters.AddWithValue("@now", now);
        command.Parameters.AddWithValue("@cutoff", now - options.Value.JourneyAbandonedAfter);
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(reader.GetString(0));
        }

        return steps;
    }

    /// <summary>Deletes journey statistics older than the retention period (their steps go with them).</summary>
    public async Task<int> PurgeOldJourneysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM journeys WHERE started_at < @cutoff";
        command.Parameters.AddWithValue("@cutoff", clock.GetUtcNow().AddDays(-options.Value.JourneyRetentionDays));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyDictionary<string, long>> ByQueueAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
