using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>Runs outbox passes in the background: at once when something is added, otherwise every poll interval.</summary>
public sealed partial class OutboxWorker(
    OutboxProcessor processor, OutboxSignal signal, IOptions<HandoffOptions> options, Handoff.Outbox.OutboxWorkerHeartbeat heartbeat, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        if (!settings.RunWorker)
        {
            heartbeat.MarkDisabled();
            return;
        }

        heartbeat.Beat();
        try
        {
            await RunAsync(settings, stoppingToken);
        }
        finally
        {
            heartbeat.MarkStopped();
        }
    }

    private async Task RunAsync(OutboxOptions settings, CancellationToken stoppingToken)
    {
        // The first pass waits one interval (or a signal), so starting the host does not touch the database at once.
        while (await WaitAsync(settings.PollInterval, stoppingToken))
        {
            try
            {
                do
                {
                    heartbeat.Beat();
                }
                while (await processor.RunOnceAsync(stoppingToken) >= settings.BatchSize);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex.GetType().FullName);
            }
        }
    }

    private async Task<bool> WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(interval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass failed ({ExceptionType}); the next pass retries.")]
    private partial void LogPassFailed(string? exceptionType);
}
