using System.Globalization;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;

namespace SecondOpinionBot.Staff;

/// <summary>
/// Every few minutes (Handoff:ServiceLevels:CheckEvery), on one instance at a time (a timer lease): each open case
/// past its service level gets a reminder line in its thread that mentions the assignee, or the channel when nobody
/// has it, and its card is refreshed so "Overdue by …" and the waiting time are current. One reminder per target
/// missed (a second after another full target, and so on), deduplicated in the outbox, so a pass run twice or on
/// two instances sends it once. Every other open case with a posted card gets its card updated once per
/// Handoff:ServiceLevels:RefreshCardsEvery (the outbox key names the period), so "Waiting" moves on while nobody acts
/// without editing each card on every pass.
/// </summary>
public sealed partial class OverdueReminders(
    IQueueBindingStore bindings, ICaseStore cases, ServiceLevels levels, IOutbox outbox, TimerLease lease, StaffText text,
    IOptions<HandoffOptions> options, TimeProvider clock, ILogger<OverdueReminders> logger) : BackgroundService
{
    private const string Job = "overdue-reminders";
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>One pass; returns how many reminders it queued. Tests call it with a fake clock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value.ServiceLevels;
        if (!await lease.TryAcquireAsync(Job, _owner, settings.CheckEvery * 2, cancellationToken))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var binding in await bindings.ListAllAsync(cancellationToken))
        {
            foreach (var record in await cases.ListOpenAsync(binding.Queue, cancellationToken))
            {
                var period = RefreshPeriod(now, now - record.CreatedAt, settings.RefreshCardsEvery);
                var level = await levels.ForAsync(record, now, cancellationToken);
                if (!level.IsOverdue)
                {
                    if (record.StaffCardActivityId is not null)
                    {
                        await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), $"refresh-card:{record.Reference}:{period}", cancellationToken);
                    }

                    continue;
                }

                var target = record.Priority == Handoff.CasePriority.Urgent ? settings.Urgent : settings.Routine;
                var missed = 1 + (int)(level.OverdueBy.Ticks / target.Ticks);
                var key = $"overdue:{record.Reference}:{level.Since.UtcTicks}:{missed}";
                var audit = await cases.GetAuditAsync(record.Reference, cancellationToken);
                // The same key as the reminder's own card update below: the period it fell in is refreshed already.
                var refresh = $"refresh-card:{record.Reference}:{period}:{key}";
                if (audit.Any(a => a.Action == "overdue-reminder" && a.Detail == key))
                {
                    await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), refresh, cancellationToken);
                    continue;
                }

                var line = text.Get(record.Status == CaseStatus.Claimed ? StaffMessageKeys.SlaReminderUntouched : StaffMessageKeys.SlaReminderUnclaimed,
                    ("overdue", levels.OverdueWords(level).ToLowerInvariant()),
                    ("target", text.Get(StaffMessageKeys.SlaTarget, ("hours", target.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)))));
                await cases.AppendAuditAsync(record.Reference, "bot", "overdue-reminder", key, cancellationToken);
                await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: line, MentionAssignee: true), $"thread-line:{key}", cancellationToken);
                await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), refresh, cancellationToken);
                sent++;
            }
        }

        if (sent > 0)
        {
            LogReminders(sent);
        }

        return sent;
    }

    /// <summary>
    /// Names the refresh period a pass falls in. The card's "Waiting" shows minutes during a case's first day and whole
    /// hours after it (<see cref="StaffText.Waited"/>), so an older case's card is edited at most once an hour: more
    /// often would change nothing on it and only spend Teams' message-edit allowance.
    /// </summary>
    private static string RefreshPeriod(DateTimeOffset now, TimeSpan waiting, TimeSpan every)
    {
        var length = waiting < TimeSpan.FromDays(1) || every >= TimeSpan.FromHours(1) ? every : TimeSpan.FromHours(1);
        return $"{length.Ticks}:{now.UtcTicks / length.Ticks}";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ServiceLevels.RunReminders)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ServiceLevels.CheckEvery, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} overdue reminder(s).")]
    private partial void LogReminders(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overdue reminder pass failed ({ExceptionType}); it runs again at the next tick.")]
    private partial void LogFailed(string exceptionType);
}
