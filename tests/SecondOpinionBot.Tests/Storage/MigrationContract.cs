using System.Data.Common;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>Versioned migrations on both providers: applied once, in order, under a lock, keeping rows.</summary>
public abstract class MigrationContract(StorageProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider, new Things(1));

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [StorageFact]
    public async Task A_new_version_adds_its_column_once_and_existing_rows_stay()
    {
        await ExecuteAsync(_db.Database, "INSERT INTO things (id, name) VALUES (1, 'kept')");

        // The next release: version 2 adds a column. Started twice (two instances), it is applied once.
        await using var first = _db.OpenAnother(new Things(2));
        await using var second = _db.OpenAnother(new Things(2));
        await Task.WhenAll(OpenAsync(first), OpenAsync(second));

        await ExecuteAsync(first, "UPDATE things SET colour = 'blue' WHERE id = 1");
        await using var connection = await second.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT name, colour FROM things";
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("kept", "blue"), (reader.GetString(0), reader.GetString(1)));
        Assert.Equal(new[] { 1, 2 }, await VersionsAsync(second, "things"));
    }

    [StorageFact]
    public async Task Instances_starting_together_on_an_empty_database_apply_every_migration_once()
    {
        var all = Enumerable.Range(0, 4).Select(_ => _db.OpenAnother(new Things(2))).ToList();
        try
        {
            await Task.WhenAll(all.Select(OpenAsync));
            Assert.Equal(new[] { 1, 2 }, await VersionsAsync(all[0], "things"));
            Assert.Equal(new[] { 1, 2 }, await VersionsAsync(all[0], "patient-keys"));
        }
        finally
        {
            foreach (var database in all)
            {
                await database.DisposeAsync();
            }
        }
    }

    [StorageFact]
    public void Migrations_numbered_with_a_gap_stop_the_start_with_the_schema_named()
    {
        using var broken = new TestDatabase(provider, new Gapped());
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => broken.Database.OpenAsync()).GetAwaiter().GetResult();
        Assert.Contains("gapped", error.Message, StringComparison.Ordinal);
    }

    private static async Task OpenAsync(BotDatabase database)
    {
        await using var connection = await database.OpenAsync();
    }

    private static async Task ExecuteAsync(BotDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int[]> VersionsAsync(BotDatabase database, string schema)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version WHERE schema = @schema ORDER BY version";
        command.Parameters.AddWithValue("@schema", schema);
        var versions = new List<int>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. versions];
    }

    /// <summary>A feature at release <paramref name="upTo"/>.</summary>
    private sealed class Things(int upTo) : IDatabaseSchema
    {
        public string Name => "things";

        public IReadOnlyList<Migration> Sqlite => new Migration[]
        {
            new(1, "things", "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"),
            new(2, "colour", "ALTER TABLE things ADD COLUMN colour TEXT;"),
        }.Take(upTo).ToList();

        public IReadOnlyList<Migration> PostgreSql => new Migration[]
        {
            new(1, "things", "CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL);"),
            new(2, "colour", "ALTER TABLE things ADD COLUMN colour text;"),
        }.Take(upTo).ToList();
    }

    private sealed class Gapped : IDatabaseSchema
    {
        public string Name => "gapped";

        public IReadOnlyList<Migration> Sqlite { get; } = [new(1, "a", "SELECT 1"), new(3, "c", "SELECT 1")];

        public IReadOnlyList<Migration> PostgreSql { get; } = [new(1, "a", "SELECT 1"), new(3, "c", "SELECT 1")];
    }
}

public sealed class MigrationOnSqlite() : MigrationContract(StorageProvider.Sqlite);

public sealed class MigrationOnPostgres() : MigrationContract(StorageProvider.PostgreSQL), IPostgresTests;
