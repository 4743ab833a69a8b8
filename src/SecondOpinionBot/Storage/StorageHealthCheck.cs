using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecondOpinionBot.Storage;

/// <summary>Ready only when the database answers.</summary>
public sealed class StorageHealthCheck(BotDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex.IsDatabaseError() || ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("Storage is not reachable.");
        }
    }
}
