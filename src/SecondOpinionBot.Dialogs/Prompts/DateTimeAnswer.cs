using System.Text.Json.Serialization;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// A recognised date, time or range in the user's own time zone.
/// <paramref name="Timex"/> is the TIMEX expression ("2026-11-26", "XXXX-12-03", "2026-W49") for TimexExpression.
/// <paramref name="Kind"/> is the recognizer's type: date, datetime, time, daterange, datetimerange.
/// </summary>
public sealed record DateTimeAnswer(string Timex, string Kind, DateTimeOffset Start, DateTimeOffset? End)
{
    [JsonIgnore]
    public bool HasTime => Kind is "datetime" or "time" or "datetimerange";
}
