namespace SecondOpinionBot.Handoff;

/// <summary>
/// A queue's working time: its days and hours in its time zone, minus its holidays. Service levels, reminders and
/// "when the team is back" all count in it, so a case sent on Friday evening is not overdue on Saturday morning.
/// </summary>
public sealed class BusinessCalendar(TeamHoursOptions hours)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);

    /// <summary>Looking further ahead than this for an opening means the calendar has none (all days holidays).</summary>
    private const int MaxDaysAhead = 400;

    public static bool IsValid(TeamHoursOptions hours)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }

        return hours.Open < hours.Close && hours.EffectiveDays.Count > 0;
    }

    /// <summary>When a working day ends, on the team's clock.</summary>
    public TimeOnly ClosingTime => hours.Close;

    public bool IsWorkingDay(DateOnly day) => hours.EffectiveDays.Contains(day.DayOfWeek) && !hours.Holidays.Contains(day);

    public bool IsOpen(DateTimeOffset at)
    {
        var local = Local(at);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && time >= hours.Open && time < hours.Close;
    }

    /// <summary>The next moment the team is at work: <paramref name="from"/> itself when open now.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset from)
    {
        foreach (var (start, end) in Windows(from))
        {
            if (end > from)
            {
                return start > from ? start : from;
            }
        }

        return from;
    }

    /// <summary>The moment <paramref name="span"/> of working time after <paramref name="from"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset from, TimeSpan span)
    {
        var left = span;
        foreach (var (start, end) in Windows(from))
        {
            var begin = start > from ? start : from;
            if (end <= begin)
            {
                continue;
            }

            if (end - begin >= left)
            {
                return begin + left;
            }

            left -= end - begin;
        }

        return from + span;
    }

    /// <summary>Working time between two moments (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (start, end) in Windows(from))
        {
            if (start >= to)
            {
                break;
            }

            var begin = start > from ? start : from;
            var finish = end < to ? end : to;
            if (finish > begin)
            {
                total += finish - begin;
            }
        }

        return total;
    }

    /// <summary>Each working day's window as UTC moments, from the day of <paramref name="from"/> on.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Windows(DateTimeOffset from)
    {
        var day = DateOnly.FromDateTime(Local(from));
        for (var i = 0; i < MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                yield return (Utc(day, hours.Open), Utc(day, hours.Close));
            }
        }
    }

    /// <summary>The moment as the team's clock shows it.</summary>
    public DateTime LocalTime(DateTimeOffset at) => Local(at);

    private DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).DateTime;

    private DateTimeOffset Utc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the clock jumped over this time (spring forward)
        }

        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
