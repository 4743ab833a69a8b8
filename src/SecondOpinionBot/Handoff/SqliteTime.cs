using System.Globalization;

namespace SecondOpinionBot.Handoff;

/// <summary>Times as sortable UTC text, so comparisons in SQL (&lt;, ORDER BY) follow time order.</summary>
public static class SqliteTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
