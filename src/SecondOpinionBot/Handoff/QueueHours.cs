using System.Globalization;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Handoff;

/// <summary>When the care team reads messages (Handoff:Hours), to tell the patient and to escalate urgent events outside them.</summary>
public sealed class QueueHours(IOptions<HandoffOptions> options, TimeProvider clock)
{
    /// <summary>Whether the queue's team is at work now, on its own calendar (a holiday counts as closed).</summary>
    public bool IsOpenNow(string queue) => Calendar(queue).IsOpen(clock.GetUtcNow());

    /// <summary>A queue's calendar: its own Handoff:QueueHours entry, else Handoff:Hours.</summary>
    public BusinessCalendar Calendar(string? queue) =>
        new(queue is not null && options.Value.QueueHours.TryGetValue(queue, out var own) ? own : options.Value.Hours);
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

    /// <summary>
    /// Days the team is closed (public holidays, a team day off), as dates in the team's time zone: "2026-12-25".
    /// Written in configuration by the hospital, because which days are holidays is their decision (no public-holiday
    /// package is served to us, and a country's list would still miss local closures).
    /// </summary>
    public List<DateOnly> Holidays { get; set; } = [];
}
