using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Readiness;

/// <summary>Every table and added column the features declare exists in the database file.</summary>
public sealed partial class SchemaReadinessCheck(SqliteDatabase database, IEnumerable<IDatabaseSchema> schemas) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var declared = schemas.ToArray();
        var tables = declared.SelectMany(s => TableName().Matches(s.CreateStatements).Select(m => m.Groups[1].Value)).Distinct().ToArray();
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var missing = new List<string>();
            foreach (var table in tables)
            {
                if (!await ExistsAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name", table, null, cancellationToken))
                {
                    missing.Add(table);
                }
            }

            foreach (var added in declared.SelectMany(s => s.AddedColumns))
            {
                if (!missing.Contains(added.Table)
                    && !await ExistsAsync(connection, "SELECT COUNT(*) FROM pragma_table_info($name) WHERE name = $column", added.Table, added.Column, cancellationToken))
                {
                    missing.Add(added.Table + "." + added.Column);
                }
            }

            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{tables.Length} tables present.")
                : HealthCheckResult.Unhealthy($"Missing from the database: {string.Join(", ", missing)}. Restart to apply the schema, or restore the file.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The schema could not be read ({ex.GetType().Name}).");
        }
    }

    private static async Task<bool> ExistsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, string name, string? column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$column", (object?)column ?? DBNull.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();
}

/// <summary>The outbox worker runs and has beaten recently (see <see cref="OutboxWorkerHeartbeat"/>).</summary>
public sealed class OutboxWorkerReadinessCheck(OutboxWorkerHeartbeat heartbeat, IOptions<HandoffOptions> handoff, IOptions<OperationsOptions> operations, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (heartbeat.Disabled || !handoff.Value.Outbox.RunWorker)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The outbox worker is off on this instance (Handoff:Outbox:RunWorker=false): nothing is posted to Teams from here."));
        }

        if (heartbeat.Stopped)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The outbox worker has stopped."));
        }

        var limit = operations.Value.OutboxWorkerStaleAfter;
        if (heartbeat.LastBeat is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The outbox worker has not started yet."));
        }

        var quiet = clock.GetUtcNow() - last;
        return Task.FromResult(quiet <= limit
            ? HealthCheckResult.Healthy($"Last pass {Math.Round(quiet.TotalSeconds)} s ago.")
            : HealthCheckResult.Unhealthy($"The outbox worker's last pass began {Math.Round(quiet.TotalMinutes)} min ago (limit {limit.TotalMinutes} min): it may hang on a call to Teams."));
    }
}
