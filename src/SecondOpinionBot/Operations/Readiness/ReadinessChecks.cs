using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Readiness;

/// <summary>
/// Every migration the features declare is recorded in schema_version (a restored older backup is not), and every
/// table they create is there (a table dropped by hand is named).
/// </summary>
public sealed partial class SchemaReadinessCheck(BotDatabase database, IEnumerable<IDatabaseSchema> schemas) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var declared = schemas.ToArray();
        var tables = Tables(declared.SelectMany(s => s.For(database.Provider)));
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var applied = await Storage.Migrations.MigrationRunner.AppliedAsync(connection, cancellationToken);
            var missing = declared
                .SelectMany(s => s.For(database.Provider).Where(m => !applied.Contains((s.Name, m.Version))).Select(m => $"migration {s.Name} {m.Version}"))
                .ToList();
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = database.IsPostgreSql
                    ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name"
                    : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
                command.Parameters.AddWithValue("@name", table);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    missing.Add(table);
                }
            }

            return missing.Count == 0
                ? HealthCheckResult.Healthy($"{tables.Count} tables present; {declared.Length} schemas at their latest version ({database.Provider}).")
                : HealthCheckResult.Unhealthy($"Missing from the database: {string.Join(", ", missing)}. Restart to apply the migrations, or restore a newer backup.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The schema could not be read ({ex.GetType().Name}).");
        }
    }

    /// <summary>The tables the migrations leave, in order: each CREATE TABLE adds one, each DROP TABLE removes it.</summary>
    private static List<string> Tables(IEnumerable<Migration> migrations)
    {
        var tables = new List<string>();
        foreach (Match match in migrations.SelectMany(m => TableStatement().Matches(m.Sql)))
        {
            var name = match.Groups["name"].Value.ToLowerInvariant();
            tables.Remove(name);
            if (match.Groups["verb"].Value.Equals("CREATE", StringComparison.OrdinalIgnoreCase))
            {
                tables.Add(name);
            }
        }

        return tables;
    }

    [GeneratedRegex(@"(?<verb>CREATE|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?<name>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex TableStatement();
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
