using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>Runs outbox passes in the background: at once when something is added, otherwise every poll interval.</summary>
public sealed partial class OutboxWorker(
    OutboxProcessor processor, OutboxSignal signal, IOptions<HandoffOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        if (!settings.RunWorker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.RunOnceAsync(stoppingToken) >= settings.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(ex.GetType().FullName);
            }

            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass failed ({ExceptionType}); the next pass retries.")]
    private partial void LogPassFailed(string? exceptionType);
}
