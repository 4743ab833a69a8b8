using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>Run against both providers: BotStorageOn{Sqlite,Postgres}.</summary>
public abstract class BotStorageContract : IDisposable
{
    private readonly TestDatabase _db;

    protected BotStorageContract(StorageProvider provider) => _db = new(provider, new BotStateSchema());

    private sealed class Note : IStoreItem
    {
        public string? Text { get; set; }
        public string? ETag { get; set; }
    }

    /// <summary>A new storage instance on the same file, as after a restart.</summary>
    private SqliteBotStorage NewStorage() => new(_db.Database, TimeProvider.System, _db.Protector);

    [StorageFact]
    public async Task Missing_key_reads_as_absent()
    {
        var items = await NewStorage().ReadAsync(["nobody"]);
        Assert.Empty(items);
    }

    [StorageFact]
    public async Task Written_item_survives_a_restart()
    {
        await NewStorage().WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "hello" } });

        await using var restarted = _db.OpenAnother(new BotStateSchema());
        var item = (JObject)(await new SqliteBotStorage(restarted, TimeProvider.System, _db.Protector).ReadAsync(["k"]))["k"];

        Assert.Equal("hello", item["Text"]?.ToString());
        Assert.False(string.IsNullOrEmpty(item["ETag"]?.ToString()));
    }

    [StorageFact]
    public async Task Stale_etag_is_a_conflict_and_keeps_the_newer_value()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = (await storage.ReadAsync(["k"]))["k"] as JObject;
        var etag = first!["ETag"]!.ToString();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = etag } });

        await Assert.ThrowsAsync<StorageETagConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "stale", ETag = etag } }));

        Assert.Equal("v2", ((JObject)(await storage.ReadAsync(["k"]))["k"])["Text"]?.ToString());
    }

    [StorageFact]
    public async Task Star_etag_overwrites_whatever_is_stored()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = "*" } });

        Assert.Equal("v2", ((JObject)(await storage.ReadAsync(["k"]))["k"])["Text"]?.ToString());
    }

    [StorageFact]
    public async Task Each_write_gets_a_new_etag()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = ((JObject)(await storage.ReadAsync(["k"]))["k"])["ETag"]!.ToString();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = first } });
        var second = ((JObject)(await storage.ReadAsync(["k"]))["k"])["ETag"]!.ToString();

        Assert.NotEqual(first, second);
    }

    [StorageFact]
    public async Task A_conflict_in_a_batch_writes_nothing()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "a1" } });

        await Assert.ThrowsAsync<StorageETagConflictException>(() => storage.WriteAsync(new Dictionary<string, object>
        {
            ["b"] = new Note { Text = "b1" },
            ["a"] = new Note { Text = "a2", ETag = "not-the-current-one" },
        }));

        Assert.Empty(await storage.ReadAsync(["b"]));
    }

    [StorageFact]
    public async Task State_bags_without_etag_are_last_writer_wins_and_keep_no_type_names()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["bag"] = new Dictionary<string, object> { ["step"] = 1 } });
        await storage.WriteAsync(new Dictionary<string, object> { ["bag"] = new Dictionary<string, object> { ["step"] = 2 } });

        var bag = (JObject)(await storage.ReadAsync(["bag"]))["bag"];

        Assert.Equal(2, bag["step"]!.Value<int>());
        Assert.DoesNotContain("$type", bag.ToString());
    }

    [StorageFact]
    public async Task Deleted_items_read_as_absent_and_deleting_unknown_keys_is_fine()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } });

        await storage.DeleteAsync(["k", "never-written"]);

        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class BotStorageOnSqlite() : BotStorageContract(StorageProvider.Sqlite)
{
    [Fact]
    public async Task The_file_uses_write_ahead_logging()
    {
        using var db = new TestDatabase(new BotStateSchema());
        await using var connection = await db.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.True(File.Exists(db.Database.FilePath));
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}

public sealed class BotStorageOnPostgres() : BotStorageContract(StorageProvider.PostgreSQL), IPostgresTests;
