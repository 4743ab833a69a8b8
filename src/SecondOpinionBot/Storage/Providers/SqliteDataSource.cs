using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SecondOpinionBot.Storage.Providers;

/// <summary>
/// Microsoft.Data.Sqlite has no DbDataSource of its own; this one opens pooled connections to the one file and sets the
/// per-connection pragmas every store relies on (busy timeout, foreign keys, secure_delete).
/// </summary>
internal sealed class SqliteDataSource(string connectionString, int busyTimeoutMilliseconds) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    // secure_delete: deleted rows are overwritten with zeros in the file, not left in free pages (it is per connection).
    private string Pragmas =>
        $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
}
