using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace SecondOpinionBot.Storage.Providers;

/// <summary>
/// Microsoft.Data.Sqlite has no DbDataSource of its own; this one opens pooled connections to the one file and sets the
/// per-connection pragmas every store relies on (busy timeout, foreign keys, secure_delete). Pragmas belong to the
/// native connection, which the pool keeps across opens: they are set once per native connection, not on every open
/// (a turn opens a dozen connections).
/// </summary>
internal sealed class SqliteDataSource(string connectionString, int busyTimeoutMilliseconds) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        if (NeedsPragmas(connection))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = Pragmas;
            pragma.ExecuteNonQuery();
            MarkPrepared(connection);
        }

        return connection;
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (NeedsPragmas(connection))
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = Pragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            MarkPrepared(connection);
        }

        return connection;
    }

    /// <summary>Native connections that have their pragmas; one the pool dropped is collected and leaves the table.</summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Prepared = new();

    private static bool NeedsPragmas(SqliteConnection connection) =>
        connection.Handle is not { } handle || !Prepared.TryGetValue(handle, out _);

    // Marked only once the pragmas ran: a native connection is used by one open at a time, so there is no race.
    private static void MarkPrepared(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            Prepared.AddOrUpdate(handle, Prepared);
        }
    }

    // secure_delete: deleted rows are overwritten with zeros in the file, not left in free pages (it is per connection).
    private string Pragmas =>
        $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
}
