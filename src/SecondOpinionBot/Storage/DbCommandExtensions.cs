using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SecondOpinionBot.Storage;

/// <summary>
/// The few things ADO.NET leaves to each provider, once for both: named parameters, times, write transactions and
/// unique violations. Stores write portable SQL with <c>@name</c> parameters (both providers read them).
/// </summary>
public static class DbCommandExtensions
{
    /// <summary>
    /// Adds a parameter: null becomes DBNull, and a <see cref="DateTimeOffset"/> becomes the provider's time
    /// (<see cref="StoredTime"/>). Names start with '@' (SQLite's '$' is not understood by PostgreSQL).
    /// </summary>
    public static DbParameter AddWithValue(this DbParameterCollection parameters, string name, object? value)
    {
        if (!name.StartsWith('@'))
        {
            throw new ArgumentException($"Parameter '{name}': write it as @{name.TrimStart('$', ':')} in the SQL and here (portable to PostgreSQL).", nameof(name));
        }

        var stored = value ?? DBNull.Value;
        switch (parameters)
        {
            case SqliteParameterCollection sqlite:
                return sqlite.AddWithValue(name, stored is DateTimeOffset time ? StoredTime.ToSqlite(time) : stored);
            case NpgsqlParameterCollection npgsql:
                return npgsql.AddWithValue(name, stored is DateTimeOffset when ? when.ToUniversalTime() : stored);
            default:
                throw new NotSupportedException($"No parameters for {parameters.GetType().Name}.");
        }
    }

    /// <summary>A command on an open connection with its SQL and its @name parameters (each through <see cref="AddWithValue"/>).</summary>
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public static DateTimeOffset GetTime(this DbDataReader reader, int ordinal) => StoredTime.FromStored(reader.GetValue(ordinal));

    public static DateTimeOffset? GetTimeOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredTime.FromStored(reader.GetValue(ordinal));

    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// A transaction that will write. SQLite's is BEGIN IMMEDIATE (the write lock up front, so a read-then-write never
    /// fails to upgrade); PostgreSQL's is READ COMMITTED, with row locks taken by the statements themselves.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(this DbConnection connection, CancellationToken cancellationToken = default) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>A UNIQUE or PRIMARY KEY constraint refused the write (SQLite 19/2067,1555; PostgreSQL SQL state 23505).</summary>
    public static bool IsUniqueViolation(this Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The database refused for now because another writer held it past the busy timeout (SQLite 5 BUSY / 6 LOCKED,
    /// any extended code; PostgreSQL serialization failure, deadlock, lock not available). Nothing of the statement was
    /// applied, and the same work done again later succeeds: the caller should be told to come back, not that it failed.
    /// Looks through wrapping exceptions.
    /// </summary>
    public static bool IsDatabaseBusy(this Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: var code } && (code & 0xFF) is 5 or 6)
            {
                return true;
            }

            if (current is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The database's own error code, for logs ("sqlite 5/517", "postgres 40001"); null for other errors. Codes only, never the message.</summary>
    public static string? DatabaseErrorCode(this Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite:
                    return $"sqlite {sqlite.SqliteErrorCode}/{sqlite.SqliteExtendedErrorCode}";
                case PostgresException postgres:
                    return $"postgres {postgres.SqlState}";
            }
        }

        return null;
    }

    /// <summary>The error is the database's (unreachable, locked, refused), not the code's.</summary>
    public static bool IsDatabaseError(this Exception exception) => exception is DbException or System.Net.Sockets.SocketException or TimeoutException;
}
