using Microsoft.Data.Sqlite;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>Reads the bot's SQLite file directly, table by table, the way someone with the file would.</summary>
public static class DatabaseScan
{
    /// <summary>Every (table, text) in the database that contains any of <paramref name="values"/>.</summary>
    public static IReadOnlyList<string> Find(string databasePath, IEnumerable<string> values, string? onlyTable = null)
    {
        var hits = new List<string>();
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables.Where(t => onlyTable is null || t == onlyTable))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    hits.AddRange(values.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{table}.{reader.GetName(i)} contains '{v}'"));
                }
            }
        }

        return hits;
    }

    public static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
