namespace SecondOpinionBot.Storage;

/// <summary>SQL fragments the SQLite migrations share.</summary>
internal static class SqliteMigrations
{
    /// <summary>A unix-milliseconds column as <see cref="StoredTime"/> text (strftime's %f has milliseconds; 4 zeros make ticks).</summary>
    public static string FromUnixMilliseconds(string column) =>
        $"strftime('%Y-%m-%dT%H:%M:%f', {column} / 1000.0, 'unixepoch') || '0000Z'";

    /// <summary>A "+00:00" round-trip text column as <see cref="StoredTime"/> text.</summary>
    public static string NormaliseRoundTrip(string table, string column) =>
        $"UPDATE {table} SET {column} = substr({column}, 1, 27) || 'Z' WHERE {column} LIKE '%+00:00';";
}
