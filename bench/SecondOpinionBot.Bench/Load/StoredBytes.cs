using Microsoft.Data.Sqlite;
using Npgsql;

namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// One table's share of what a finished conversation leaves in the database. <see cref="TransientBytes"/> are rows the
/// host deletes within a day (<see cref="StoredBytes.Transient"/>); <see cref="KeptPerConversation"/> is the rest.
/// </summary>
public sealed record TableBytes(string Table, long Rows, long Bytes, long MaxRowBytes, double BytesPerConversation, long TransientBytes = 0, double KeptPerConversation = 0);

/// <summary>
/// Stored bytes per finished conversation, by table, counting every row: the sum of every value's length (text and
/// blobs as stored, numbers and times as 8), so the figure is the data kept, not the database's page slack. Read from
/// the host's SQLite file (read-only) or its PostgreSQL schema.
/// </summary>
public static class StoredBytes
{
    /// <summary>
    /// Rows that do not stay with a finished conversation for months: the retention sweep deletes them within a day (it
    /// runs every Retention:SweepInterval). The turn journal only recognises a channel's resend and keeps replies until
    /// they are delivered (Storage:TurnJournalRetention, one day after the conversation's last turn); a delivered outbox
    /// item is deleted by the next sweep; turn tickets live while their turn runs. The target counts them all; "kept"
    /// (printed next to it) is without them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Transient = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["turn_journal"] = "1 = 1",
        ["turn_handled"] = "1 = 1",
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

            result.Add(Of(table, rows, bytes, maxRow, transient, finishedConversations));
        }

        return result;
    }

    /// <summary>The same on PostgreSQL: every table of the host's own schema (its connection string's search path).</summary>
    public static async Task<IReadOnlyList<TableBytes>> MeasurePostgresAsync(string connectionString, int finishedConversations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var result = new List<TableBytes>();
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            // As on SQLite: text and blobs by their stored length, everything else (numbers, times) as 8.
            var rowBytes = string.Join(" + ", table.Select(c => c.Type switch
            {
                "bytea" or "text" or "character varying" => $"COALESCE(octet_length(\"{c.Column}\"), 0)",
                "json" or "jsonb" => $"COALESCE(octet_length(\"{c.Column}\"::text), 0)",
                _ => $"(CASE WHEN \"{c.Column}\" IS NULL THEN 0 ELSE 8 END)",
            }));
            await using var sum = new NpgsqlCommand($"SELECT COUNT(*), COALESCE(SUM({rowBytes}), 0)::bigint, COALESCE(MAX({rowBytes}), 0)::bigint FROM \"{table.Key}\"", connection);
            long rows, bytes, maxRow;
            await using (var row = await sum.ExecuteReaderAsync())
            {
                await row.ReadAsync();
                (rows, bytes, maxRow) = (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2));
            }

            var transient = 0L;
            if (Transient.TryGetValue(table.Key, out var where))
            {
                await using var gone = new NpgsqlCommand($"SELECT COALESCE(SUM({rowBytes}), 0)::bigint FROM \"{table.Key}\" WHERE {where}", connection);
                transient = Convert.ToInt64(await gone.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(Of(table.Key, rows, bytes, maxRow, transient, finishedConversations));
        }

        return result;
    }

    private static TableBytes Of(string table, long rows, long bytes, long maxRow, long transient, int finishedConversations)
    {
        double PerConversation(long value) => finishedConversations == 0 ? 0 : (double)value / finishedConversations;
        return new TableBytes(table, rows, bytes, maxRow, PerConversation(bytes), transient, PerConversation(bytes - transient));
    }
}
