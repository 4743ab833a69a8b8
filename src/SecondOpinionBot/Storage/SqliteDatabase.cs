using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Storage;

/// <summary>Opens connections to the one SQLite file (WAL, busy timeout) and creates every feature's tables once.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly IEnumerable<IDatabaseSchema> _schemas;
    private readonly int _busyTimeoutMilliseconds;
    private readonly Lock _gate = new();
    private Task? _initialisation;

    public SqliteDatabase(IOptions<StorageOptions> options, IHostEnvironment environment, IEnumerable<IDatabaseSchema> schemas)
    {
        var path = Path.GetFullPath(options.Value.SqlitePath, environment.ContentRootPath);
        FilePath = path;
        _busyTimeoutMilliseconds = options.Value.BusyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, _busyTimeoutMilliseconds / 1000),
        }.ToString();
        _schemas = schemas;
    }

    public string FilePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Task initialisation;
        lock (_gate)
        {
            // A failed start (folder missing, disk full) is retried on the next call instead of being remembered.
            if (_initialisation is null || _initialisation.IsFaulted)
            {
                _initialisation = InitialiseAsync();
            }

            initialisation = _initialisation;
        }

        await initialisation.WaitAsync(cancellationToken);
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>
    /// Copies the WAL into the database and empties it, so deleted rows (zeroed by secure_delete) leave no old page
    /// images in the WAL. Best effort: readers that are still open can keep it from finishing; returns whether it did.
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) == 0;
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // secure_delete: deleted rows are overwritten with zeros in the file, not left in free pages (it is per connection).
        pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task InitialiseAsync()
    {
        // The folder (0700) and the file (0600) exist before SQLite opens it; SQLite gives its -wal and -shm files the
        // database file's mode. Older files that were made wider are narrowed.
        PrivateFiles.EnsureFolder(Path.GetDirectoryName(FilePath)!);
        PrivateFiles.EnsureFile(FilePath);
        PrivateFiles.NarrowIfExists(FilePath + "-wal");
        PrivateFiles.NarrowIfExists(FilePath + "-shm");
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // WAL lets readers and one writer work at once; it is a property of the file, set once.
        command.CommandText = "PRAGMA journal_mode = WAL;" + string.Concat(_schemas.Select(s => s.CreateStatements));
        await command.ExecuteNonQueryAsync();
        foreach (var added in _schemas.SelectMany(s => s.AddedColumns))
        {
            await AddColumnIfMissingAsync(connection, added);
        }
    }

    private static async Task AddColumnIfMissingAsync(SqliteConnection connection, AddedColumn added)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
        check.Parameters.AddWithValue("$table", added.Table);
        check.Parameters.AddWithValue("$column", added.Column);
        if (Convert.ToInt64(await check.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        await using var alter = connection.CreateCommand();
        // Names come from the schema classes (code), never from input.
        alter.CommandText = $"ALTER TABLE {added.Table} ADD COLUMN {added.Column} {added.Definition}";
        try
        {
            await alter.ExecuteNonQueryAsync();
        }
        catch (SqliteException ex) when (ex.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
        {
            // Another instance added it between the check and here.
        }
    }
}
