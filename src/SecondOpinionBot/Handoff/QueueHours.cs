using System.Globalization;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Handoff;

/// <summary>When the care team reads messages (Handoff:Hours), to tell the patient and to escalate urgent events outside them.</summary>
public sealed class QueueHours(IOptions<HandoffOptions> options, TimeProvider clock)
{
    public bool IsOpenNow()
    {
        var hours = options.Value.Hours;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return hours.EffectiveDays.Contains(local.DayOfWeek) && time >= hours.Open && time < hours.Close;
    }

    public string Open => options.Value.Hours.Open.ToString("HH:mm", CultureInfo.InvariantCulture);

    public string Close => options.Value.Hours.Close.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Handoff:Hours. The patient hears "on weekdays, 09:00 to 17:00"; days other than Monday–Friday need the wording changed too.</summary>
public sealed class TeamHoursOptions
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Empty means Monday to Friday (a default list would be appended to, not replaced, by configuration).</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    public IReadOnlyList<DayOfWeek> EffectiveDays => Days.Count == 0 ? Weekdays : Days;

    public TimeOnly Open { get; set; } = new(9, 0);

    public TimeOnly Close { get; set; } = new(17, 0);

    /// <summary>An IANA or Windows time zone id, e.g. America/Chicago.</summary>
    public string TimeZone { get; set; } = "UTC";
}
