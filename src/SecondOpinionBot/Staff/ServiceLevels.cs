using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Staff;

/// <param name="Since">When the clock started: the case arrived in the queue (sent, transferred, reopened, handed back), or its last staff touch once claimed.</param>
/// <param name="Due">The target, in the queue's working time.</param>
/// <param name="OverdueBy">Working time past the target (zero when not overdue).</param>
public sealed record ServiceLevel(DateTimeOffset Since, DateTimeOffset Due, bool IsOverdue, TimeSpan OverdueBy);

/// <summary>
/// Service levels on business hours (Handoff:ServiceLevels, the queue's calendar with holidays): an unclaimed case
/// should be claimed, and a claimed one touched (a note, a message, a claim or assignment), within its priority's
/// target. Measured from the case's audit trail, so every instance computes the same answer.
/// </summary>
public sealed class ServiceLevels(ICaseStore cases, QueueHours hours, IOptions<HandoffOptions> options, StaffText text)
{
    private static readonly string[] StartsWaiting = ["created", "transferred", "unassigned"];
    private static readonly string[] StaffTouches = ["assigned", "take-over", "note-added", "message-to-patient"];

    public async Task<ServiceLevel> ForAsync(CaseRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var audit = await cases.GetAuditAsync(record.Reference, cancellationToken);
        var claimed = record.Status == CaseStatus.Claimed;
        var since = audit
            .Where(a => claimed
                ? a.Action.EndsWith("->Claimed", StringComparison.Ordinal) || StaffTouches.Contains(a.Action)
                : StartsWaiting.Contains(a.Action) || a.Action.EndsWith("->Reopened", StringComparison.Ordinal))
            .Select(a => (DateTimeOffset?)a.At)
            .DefaultIfEmpty(record.CreatedAt)
            .Max() ?? record.CreatedAt;
        var target = record.Priority == Handoff.CasePriority.Urgent ? options.Value.ServiceLevels.Urgent : options.Value.ServiceLevels.Routine;
        var calendar = hours.Calendar(record.Queue);
        var due = calendar.Add(since, target);
        var overdue = CaseTransitions.IsOpen(record.Status) && now > due;
        return new ServiceLevel(since, due, overdue, overdue ? calendar.Between(due, now) : TimeSpan.Zero);
    }

    /// <summary>"Overdue by 3 hours", "Overdue by 1 day 2 hours" (a day is one working day).</summary>
    public string OverdueWords(ServiceLevel level)
    {
        var workingDay = options.Value.Hours.Close - options.Value.Hours.Open;
        var days = workingDay > TimeSpan.Zero ? (int)(level.OverdueBy.Ticks / workingDay.Ticks) : 0;
        var rest = level.OverdueBy - (workingDay * days);
        var hoursLeft = (int)rest.TotalHours;
        var minutes = rest.Minutes;
        var span = (days, hoursLeft) switch
        {
            (> 0, 0) => Plural(days, StaffMessageKeys.SlaDay, StaffMessageKeys.SlaDays),
            (> 0, _) => Plural(days, StaffMessageKeys.SlaDay, StaffMessageKeys.SlaDays) + " " + Plural(hoursLeft, StaffMessageKeys.SlaHour, StaffMessageKeys.SlaHours),
            (_, > 0) => Plural(hoursLeft, StaffMessageKeys.SlaHour, StaffMessageKeys.SlaHours),
            _ => Plural(Math.Max(1, minutes), StaffMessageKeys.SlaMinute, StaffMessageKeys.SlaMinutes),
        };
        return text.Get(StaffMessageKeys.SlaOverdueBy, ("span", span));
    }

    private string Plural(int count, MessageKey one, MessageKey many) =>
        count == 1 ? text.Get(one) : text.Get(many, ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
