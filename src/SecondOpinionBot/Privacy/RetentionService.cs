using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Privacy;

public sealed record RetentionRun(int CasesPurged, int LinksPurged, int ConversationsPurged = 0, SweepRun? Sweep = null);

/// <summary>
/// Deletes closed cases past the retention period, expired prep-sheet links and idle conversation positions: shortly after start (so an app that
/// restarts often still purges), then every <see cref="RetentionOptions.PurgeInterval"/>. A failed run is logged and retried at the next interval.
/// </summary>
public sealed partial class RetentionService(
    ICaseStore cases, IPrepSheetLinkStore links, IConversationStatePurge conversations, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger,
    RetentionSweep? sweep = null) : BackgroundService
{
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var swept = sweep is null ? null : await sweep.RunAsync(now.AddDays(-options.Value.ResolvedCaseRetentionDays), cancellationToken);
        var run = new RetentionRun(
            await cases.PurgeClosedBeforeAsync(now.AddDays(-options.Value.ResolvedCaseRetentionDays), cancellationToken),
            await links.PurgeExpiredAsync(cancellationToken),
            await conversations.PurgeIdleConversationsAsync(now.AddHours(-options.Value.IdleConversationHours), cancellationToken));
        // After the positions: a web chat conversation goes once neither its draft nor its position is kept.
        var late = sweep is null ? null : await sweep.RunAsync(now.AddDays(-options.Value.ResolvedCaseRetentionDays), cancellationToken);
        run = run with { Sweep = swept is null || late is null ? null : new SweepRun(swept.Drafts + late.Drafts, swept.WebChatConversations + late.WebChatConversations, swept.OwnersCleared, swept.OutboxRows + late.OutboxRows, swept.JournalRows + late.JournalRows) };
        LogPurged(run.CasesPurged, run.LinksPurged, run.ConversationsPurged);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {CasesPurged} closed case(s), {LinksPurged} expired prep-sheet link(s), {ConversationsPurged} idle conversation position(s) deleted")]
    private partial void LogPurged(int casesPurged, int linksPurged, int conversationsPurged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed: {ExceptionType}; retrying at the next interval")]
    private partial void LogRunFailed(string? exceptionType);
}
