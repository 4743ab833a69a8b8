using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using SecondOpinionBot.Storage.Migrations;
using SecondOpinionBot.Storage.Providers;

namespace SecondOpinionBot.Storage;

/// <summary>
/// The bot's one database, on the provider Storage:Provider names: a <see cref="DbDataSource"/> (Npgsql's, or ours over
/// the SQLite file) whose first use applies every feature's pending migrations. Stores open connections here and write
/// portable SQL with @name parameters (<see cref="DbCommandExtensions"/>); where the providers must differ they ask
/// <see cref="Provider"/>.
/// </summary>
public sealed partial class BotDatabase : IAsyncDisposable
{
    private readonly IReadOnlyList<IDatabaseSchema> _schemas;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task? _initialisation;

    public BotDatabase(IOptions<StorageOptions> options, IHostEnvironment environment, IEnumerable<IDatabaseSchema> schemas, TimeProvider? clock = null, ILogger<BotDatabase>? logger = null)
    {
        var settings = options.Value;
        Provider = settings.Provider;
        FilePath = Path.GetFullPath(settings.SqlitePath, environment.ContentRootPath);
        _schemas = schemas.ToList();
        _clock = clock ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        if (Provider == StorageProvider.PostgreSQL)
        {
            var builder = new NpgsqlConnectionStringBuilder(settings.PostgresConnectionString);
            Location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
            DataSource = NpgsqlDataSource.Create(builder);
        }
        else
        {
            Location = $"SQLite {FilePath}";
            DataSource = new SqliteDataSource(new SqliteConnectionStringBuilder
            {
                DataSource = FilePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
                DefaultTimeout = Math.Max(1, settings.BusyTimeoutMilliseconds / 1000),
            }.ToString(), settings.BusyTimeoutMilliseconds);
        }
    }

    public StorageProvider Provider { get; }

    public DbDataSource DataSource { get; }

    /// <summary>Where the data lives, without credentials (for logs and health).</summary>
    public string Location { get; }

    /// <summary>The SQLite file (Storage:SqlitePath); with PostgreSQL its folder is still where local files go (a dev master key).</summary>
    public string FilePath { get; }

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSQL;

    /// <summary>
    /// The column that orders rows as they were inserted: SQLite's rowid; in PostgreSQL a table that needs it has a
    /// <c>row_id</c> identity column.
    /// </summary>
    public string InsertionOrder(string? alias = null) =>
        (alias is null ? "" : alias + ".") + (IsPostgreSql ? "row_id" : "rowid");

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        Task initialisation;
        lock (_gate)
        {
            // A failed start (folder missing, server down) is retried on the next call instead of being remembered.
            if (_initialisation is null || _initialisation.IsFaulted)
            {
                _initialisation = InitialiseAsync();
            }

            initialisation = _initialisation;
        }

        await initialisation.WaitAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite: copies the WAL into the database and empties it, so deleted rows (zeroed by secure_delete) leave no old
    /// page images in the WAL. Best effort; returns whether it finished. PostgreSQL reclaims space itself (autovacuum).
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        if (IsPostgreSql)
        {
            return true;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) == 0;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private async Task InitialiseAsync()
    {
        if (!IsPostgreSql)
        {
            // The folder (0700) and the file (0600) exist before SQLite opens it; SQLite gives its -wal and -shm files
            // the database file's mode. Older files that were made wider are narrowed.
            PrivateFiles.EnsureFolder(Path.GetDirectoryName(FilePath)!);
            PrivateFiles.EnsureFile(FilePath);
            PrivateFiles.NarrowIfExists(FilePath + "-wal");
            PrivateFiles.NarrowIfExists(FilePath + "-shm");
        }

        await using var connection = await DataSource.OpenConnectionAsync();
        if (!IsPostgreSql)
        {
            // WAL lets readers and one writer work at once; it is a property of the file, set outside any transaction.
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync();
        }

        var applied = await MigrationRunner.ApplyAsync(connection, Provider, _schemas, _clock, CancellationToken.None);
        if (applied.Count > 0)
        {
            LogMigrated(Provider, applied.Count, applied);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}): applied {Count} migrations: {Migrations}")]
    private partial void LogMigrated(StorageProvider provider, int count, IReadOnlyList<string> migrations);
}
