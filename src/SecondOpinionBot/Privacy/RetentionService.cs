using Microsoft.Extensions.Options;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Privacy;

/// <summary>One purge's figures: how many items each <see cref="IRetentionParticipant"/> deleted, by its name.</summary>
public sealed record RetentionRun(IReadOnlyDictionary<string, int> Purged, int ConversationsPurged = 0, SweepRun? Sweep = null)
{
    public int PurgedBy(string participant) => Purged.GetValueOrDefault(participant);
}

/// <summary>
/// Deletes what each feature keeps only for a time (closed cases, expired prep-sheet links…) and idle conversation positions: shortly after start (so an app that
/// restarts often still purges), then every <see cref="RetentionOptions.PurgeInterval"/>. A failed run is logged and retried at the next interval.
/// </summary>
public sealed partial class RetentionService(
    IEnumerable<IRetentionParticipant> participants, IConversationStatePurge conversations, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger,
    RetentionSweep? sweep = null) : BackgroundService
{
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var swept = sweep is null ? null : await sweep.RunAsync(now.AddDays(-options.Value.ResolvedCaseRetentionDays), cancellationToken);
        var purged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var participant in participants)
        {
            purged[participant.Name] = await participant.PurgeAsync(now, options.Value, cancellationToken);
        }

        var run = new RetentionRun(
            purged,
            await conversations.PurgeIdleConversationsAsync(now.AddHours(-options.Value.IdleConversationHours), cancellationToken));
        // After the positions: a web chat conversation goes once neither its draft nor its position is kept.
        var late = sweep is null ? null : await sweep.RunAsync(now.AddDays(-options.Value.ResolvedCaseRetentionDays), cancellationToken);
        run = run with { Sweep = swept is null || late is null ? null : new SweepRun(swept.Drafts + late.Drafts, swept.WebChatConversations + late.WebChatConversations, swept.OwnersCleared, swept.OutboxRows + late.OutboxRows, swept.JournalRows + late.JournalRows) };
        var figures = string.Join(", ", purged.Select(p => $"{p.Key} {p.Value}")); // names and counts only, once every few hours
        LogPurged(figures, run.ConversationsPurged);
        return run;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(options.Value.FirstRunDelay, clock, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(ex.GetType().FullName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {Purged}, {ConversationsPurged} idle conversation position(s) deleted")]
    private partial void LogPurged(string purged, int conversationsPurged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed: {ExceptionType}; retrying at the next interval")]
    private partial void LogRunFailed(string? exceptionType);
}
