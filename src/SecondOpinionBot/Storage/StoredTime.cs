using System.Globalization;

namespace SecondOpinionBot.Storage;

/// <summary>
/// The one time type: every store passes and reads <see cref="DateTimeOffset"/> (UTC). PostgreSQL keeps it as
/// <c>timestamptz</c>; SQLite, which has no time type, as this one fixed-width UTC text, so text order is time order
/// and comparisons in SQL work. Migration 2 of each SQLite schema rewrote the older formats (unix milliseconds,
/// "+00:00" round-trip text) into it.
/// </summary>
public static class StoredTime
{
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToSqlite(DateTimeOffset value) =>
        value.UtcDateTime.ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A stored time as the provider returns it: text (SQLite), DateTime in UTC (Npgsql's timestamptz).</summary>
    public static DateTimeOffset FromStored(object value) => value switch
    {
        DateTimeOffset time => time.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text => Parse(text),
        long milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
        _ => throw new InvalidCastException($"Not a stored time: {value.GetType().Name}."),
    };
}
