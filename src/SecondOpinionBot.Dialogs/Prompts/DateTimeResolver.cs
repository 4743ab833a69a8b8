using System.Globalization;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// Microsoft.Recognizers.Text.DateTime against the user's wall clock. The SDK's prompt converted the activity's local
/// timestamp to the server's zone, so "tomorrow" at 11 pm in Chicago became the day after on a UTC server; here the
/// reference is the user's own clock and results carry the user's offset.
/// </summary>
public static class DateTimeResolver
{
    private static readonly HashSet<string> Supported = ["date", "datetime", "time", "daterange", "datetimerange"];

    /// <param name="userNow">The user's local time with its offset (activity.LocalTimestamp).</param>
    /// <param name="timeZone">The user's zone when the channel sent one (activity.LocalTimezone), for the right offset on other dates.</param>
    /// <returns>The candidates, best first; more than one means the answer was ambiguous.</returns>
    public static IReadOnlyList<DateTimeAnswer> Resolve(string text, string recognizerCulture, DateTimeOffset userNow, TimeZoneInfo? timeZone, bool preferPast)
    {
        var result = Language.RecognizerModels.DateTime(text, recognizerCulture, userNow.DateTime)
            .FirstOrDefault(r => r.Resolution.GetValueOrDefault("values") is List<Dictionary<string, string>>);
        if (result?.Resolution["values"] is not List<Dictionary<string, string>> values)
        {
            return [];
        }

        var answers = values
            .Where(v => v.TryGetValue("type", out var type) && Supported.Contains(type))
            .Select(v => ToAnswer(v, userNow, timeZone))
            .OfType<DateTimeAnswer>()
            .DistinctBy(a => (a.Start, a.End))
            .ToList();

        // "Tuesday" and "12/3" come back as a past and a future date: put the preferred one first.
        return preferPast
            ? answers.OrderByDescending(a => a.Start <= userNow).ThenByDescending(a => a.Start).ToList()
            : answers.OrderByDescending(a => a.Start >= userNow.Date).ThenBy(a => a.Start).ToList();
    }

    private static DateTimeAnswer? ToAnswer(Dictionary<string, string> value, DateTimeOffset userNow, TimeZoneInfo? timeZone)
    {
        var type = value["type"];
        var timex = value.GetValueOrDefault("timex") ?? string.Empty;
        if (type == "time")
        {
            // A time alone means today, in the user's day.
            return TimeSpan.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var time)
                ? new DateTimeAnswer(timex, type, Local(userNow.Date + time, userNow, timeZone), null)
                : null;
        }

        var start = Parse(value.GetValueOrDefault("value") ?? value.GetValueOrDefault("start"));
        if (start is null)
        {
            return null;
        }

        var end = Parse(value.GetValueOrDefault("end"));
        return new DateTimeAnswer(timex, type, Local(start.Value, userNow, timeZone), end is null ? null : Local(end.Value, userNow, timeZone));
    }

    private static DateTime? Parse(string? text)
        => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;

    private static DateTimeOffset Local(DateTime wallClock, DateTimeOffset userNow, TimeZoneInfo? timeZone)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, timeZone?.GetUtcOffset(unspecified) ?? userNow.Offset);
    }
}
