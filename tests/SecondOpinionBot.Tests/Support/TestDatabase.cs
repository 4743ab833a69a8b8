using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.DataProtection;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Tests.Support;

/// <summary>A SqliteDatabase on a temporary file (WAL and locking only show on a real file), removed afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "so-db", Guid.NewGuid().ToString("N"));

    public TestDatabase(params IDatabaseSchema[] schemas)
    {
        Directory.CreateDirectory(_directory);
        Database = new SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "test.db") }),
            new Environment(_directory),
            [new PatientKeySchema(), .. schemas]);
        // Real per-patient keys in this database; Data Protection's own ring in memory (the host keeps it in the database).
        Protector = new PatientDataProtector(Database, new EphemeralDataProtectionProvider(), TimeProvider.System);
    }

    public SqliteDatabase Database { get; }

    /// <summary>The encryption at rest the stores under test use.</summary>
    public IPatientDataProtector Protector { get; }

    public void Dispose()
    {
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
