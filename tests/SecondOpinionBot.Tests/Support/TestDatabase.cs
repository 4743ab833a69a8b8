using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.DataProtection;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// A BotDatabase for one test: SQLite on a temporary file (WAL and locking only show on a real file), or PostgreSQL in
/// a schema of its own on the test server (<see cref="TestPostgres"/>); removed afterwards.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "so-db", Guid.NewGuid().ToString("N"));
    private readonly string? _schema;

    public TestDatabase(params IDatabaseSchema[] schemas)
        : this(StorageProvider.Sqlite, schemas)
    {
    }

    public TestDatabase(StorageProvider provider, params IDatabaseSchema[] schemas)
    {
        Directory.CreateDirectory(_directory);
        Provider = provider;
        var options = new StorageOptions { Provider = provider, SqlitePath = Path.Combine(_directory, "test.db") };
        if (provider == StorageProvider.PostgreSQL)
        {
            options.PostgresConnectionString = TestPostgres.CreateSchema(out var schema);
            _schema = schema;
        }

        Options = options;
        Database = new BotDatabase(Microsoft.Extensions.Options.Options.Create(options), new Environment(_directory), [new PatientKeySchema(), .. schemas]);
        // Real per-patient keys in this database; Data Protection's own ring in memory (the host keeps it in the database).
        Protector = new PatientDataProtector(Database, new EphemeralDataProtectionProvider(), TimeProvider.System);
    }

    public StorageProvider Provider { get; }

    public StorageOptions Options { get; }

    public BotDatabase Database { get; }

    /// <summary>The encryption at rest the stores under test use.</summary>
    public IPatientDataProtector Protector { get; }

    /// <summary>Another instance's view of the same database (its own pool, as a second process would have).</summary>
    public BotDatabase OpenAnother(params IDatabaseSchema[] schemas) =>
        new(Microsoft.Extensions.Options.Options.Create(Options), new Environment(_directory), [new PatientKeySchema(), .. schemas]);

    public void Dispose()
    {
        Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_schema is not null)
        {
            TestPostgres.DropSchema(_schema);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
