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

        var back = calendar.LocalTime(calendar.NextOpening(now));
        var culture = CultureInfo.GetCultureInfo(catalog.Culture);
        return catalog.Messages.Format(MessageKeys.HandoffWhenClosed,
            ("day", back.ToString("dddd d MMMM", culture)),
            ("time", back.ToString("HH:mm", CultureInfo.InvariantCulture)));
    }
}
