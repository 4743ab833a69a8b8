using System.Globalization;
using SecondOpinionBot.Content;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// When the patient can expect contact, on the queue's own calendar: the usual words while the team is at work, and
/// when it is not (evening, weekend, holiday) the day and time it is back, so nobody waits by the phone overnight.
/// </summary>
public sealed class ContactWhen(QueueHours hours, TimeProvider clock)
{
    public string Say(CaseRecord record, ContentCatalog catalog)
    {
        var calendar = hours.Calendar(record.Queue);
        var now = clock.GetUtcNow();
        if (calendar.IsOpen(now))
        {
            return catalog.Messages.Get(record.Priority == CasePriority.Urgent ? MessageKeys.HandoffWhenUrgent : MessageKeys.HandoffWhenNormal);
        }

        var (day, time) = Back(calendar, now, catalog);
        return catalog.Messages.Format(MessageKeys.HandoffWhenClosed, ("day", day), ("time", time));
    }

    /// <summary>
    /// When the team reads what the patient just wrote to their case: until today's closing time while it is at work,
    /// else the day and time it is back (a holiday or the queue's own hours count, as for the service levels).
    /// </summary>
    public string TeamReads(CaseRecord record, ContentCatalog catalog)
    {
        var calendar = hours.Calendar(record.Queue);
        var now = clock.GetUtcNow();
        if (calendar.IsOpen(now))
        {
            return catalog.Messages.Format(MessageKeys.HandoffTeamReadsNow, ("close", calendar.ClosingTime.ToString("HH:mm", CultureInfo.InvariantCulture)));
        }

        var (day, time) = Back(calendar, now, catalog);
        return catalog.Messages.Format(MessageKeys.HandoffTeamReadsFrom, ("day", day), ("time", time));
    }

    private static (string Day, string Time) Back(BusinessCalendar calendar, DateTimeOffset now, ContentCatalog catalog)
    {
        var back = calendar.LocalTime(calendar.NextOpening(now));
        return (back.ToString("dddd d MMMM", CultureInfo.GetCultureInfo(catalog.Culture)), back.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
