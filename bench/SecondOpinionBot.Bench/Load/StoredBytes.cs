using Microsoft.Data.Sqlite;

namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// One table's share of what a finished conversation leaves in the database. <see cref="TransientBytes"/> are rows the
/// host deletes within a day (<see cref="StoredBytes.Transient"/>); <see cref="KeptPerConversation"/> is the rest.
/// </summary>
public sealed record TableBytes(string Table, long Rows, long Bytes, long MaxRowBytes, double BytesPerConversation, long TransientBytes = 0, double KeptPerConversation = 0);

/// <summary>
/// Stored bytes per finished conversation, by table: the sum of every value's length (text and blobs as stored,
/// numbers as 8), so the figure is the data kept, not SQLite's page slack. Read from the host's file, read-only.
/// </summary>
public static class StoredBytes
{
    /// <summary>
    /// Rows that do not stay with a finished conversation: the retention sweep deletes them within a day (it runs every
    /// Retention:SweepInterval). The turn journal only recognises a channel's resend (Storage:TurnJournalRetention, one
    /// day); a delivered outbox item is deleted by the next sweep; turn tickets live while their turn runs. The target
    /// ("kept for months") is judged on the rest; the total with them is printed too.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Transient = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["turn_journal"] = "1 = 1",
        ["outbox"] = "completed_at IS NOT NULL",
        ["turn_queue"] = "1 = 1",
    };

    public static IReadOnlyList<TableBytes> Measure(string databasePath, int finishedConversations)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new List<TableBytes>();
        foreach (var table in tables)
        {
            var columns = new List<string>();
            using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                using var reader = info.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            var rowBytes = string.Join(" + ", columns.Select(c => $"(CASE typeof(\"{c}\") WHEN 'null' THEN 0 WHEN 'integer' THEN 8 WHEN 'real' THEN 8 ELSE length(CAST(\"{c}\" AS BLOB)) END)"));
            using var sum = connection.CreateCommand();
            sum.CommandText = $"SELECT COUNT(*), COALESCE(SUM({rowBytes}), 0), COALESCE(MAX({rowBytes}), 0) FROM \"{table}\"";
            using var row = sum.ExecuteReader();
            row.Read();
            var bytes = row.GetInt64(1);
            var rows = row.GetInt64(0);
            var maxRow = row.GetInt64(2);
            row.Close();
            var transient = 0L;
            if (Transient.TryGetValue(table, out var where))
            {
                using var gone = connection.CreateCommand();
                gone.CommandText = $"SELECT COALESCE(SUM({rowBytes}), 0) FROM \"{table}\" WHERE {where}";
                transient = Convert.ToInt64(gone.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }

            double PerConversation(long value) => finishedConversations == 0 ? 0 : (double)value / finishedConversations;
            result.Add(new TableBytes(table, rows, bytes, maxRow, PerConversation(bytes), transient, PerConversation(bytes - transient)));
        }

        return result;
    }
}
