using Microsoft.Extensions.Options;
using SecondOpinionBot.Operations.Telemetry;

namespace SecondOpinionBot.Operations;

/// <summary>
/// Every Operations:MonitorInterval: samples the database for the gauges, counts journeys left idle as abandoned, purges
/// old journey statistics and lets the alert rules look at what it saw. A failed pass is logged and the next one retries.
/// </summary>
public sealed partial class OperationsMonitor(
    OperationsQueries queries,
    OperationsGauges gauges,
    BotMetrics metrics,
    IEnumerable<IOperationsWatcher> watchers,
    IOptions<OperationsOptions> options,
    TimeProvider clock,
    ILogger<OperationsMonitor> logger) : BackgroundService
{
    /// <summary>One pass; tests call it with a fake clock.</summary>
    public async Task<OperationsSnapshot> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in await queries.AbandonIdleJourneysAsync(cancellationToken))
        {
            metrics.JourneyAbandoned(step);
        }

        await queries.PurgeOldJourneysAsync(cancellationToken);
        var snapshot = await queries.SnapshotAsync(cancellationToken);
        gauges.Show(snapshot);
        foreach (var watcher in watchers)
        {
            await watcher.ObserveAsync(snapshot, cancellationToken);
        }

        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunMonitor)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.MonitorInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(ex.GetType().FullName);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An operations monitor pass failed ({ExceptionType}); the next pass retries.")]
    private partial void LogPassFailed(string? exceptionType);
}

/// <summary>Something that acts on what the monitor saw (the alert rules).</summary>
public interface IOperationsWatcher
{
    Task ObserveAsync(OperationsSnapshot snapshot, CancellationToken cancellationToken);
}
