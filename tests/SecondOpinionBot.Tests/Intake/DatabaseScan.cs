using Microsoft.Data.Sqlite;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>Reads the bot's SQLite file directly, table by table, the way someone with the file would.</summary>
public static class DatabaseScan
{
    /// <summary>
    /// Every (table, text) in the database that contains any of <paramref name="values"/>, reading encrypted values
    /// through the app's <paramref name="protector"/> (trying each stored data key), as the app itself could.
    /// </summary>
    public static IReadOnlyList<string> Find(string databasePath, IEnumerable<string> values, IPatientDataProtector protector, string? onlyTable = null)
    {
        var hits = new List<string>();
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var subjects = new List<string>();
        using (var keys = connection.CreateCommand())
        {
            keys.CommandText = "SELECT subject FROM patient_keys";
            using var reader = keys.ExecuteReader();
            while (reader.Read())
            {
                subjects.Add(reader.GetString(0));
            }
        }

        string Readable(string text)
        {
            if (!text.StartsWith(PatientDataProtector.Prefix, StringComparison.Ordinal))
            {
                return text;
            }

            foreach (var subject in subjects)
            {
                if (protector.UnprotectAsync(subject, text, CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } clear)
                {
                    return clear;
                }
            }

            return text;
        }

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
                    var text = Readable(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    hits.AddRange(values.Where(v => text.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{table}.{reader.GetName(i)} contains '{v}'"));
                }
            }
        }

        return hits;
    }

    public static string Text(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
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
