using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

public sealed class SqliteBotStorageTests : IDisposable
{
    private readonly TestDatabase _db = new(new BotStateSchema());

    private sealed class Note : IStoreItem
    {
        public string? Text { get; set; }
        public string? ETag { get; set; }
    }

    /// <summary>A new storage instance on the same file, as after a restart.</summary>
    private SqliteBotStorage NewStorage() => new(_db.Database, TimeProvider.System, _db.Protector);

    [Fact]
    public async Task Missing_key_reads_as_absent()
    {
        var items = await NewStorage().ReadAsync(["nobody"]);
        Assert.Empty(items);
    }

    [Fact]
    public async Task Written_item_survives_a_new_storage_instance_on_the_same_file()
    {
        await NewStorage().WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "hello" } });

        var item = (JObject)(await NewStorage().ReadAsync(["k"]))["k"];

        Assert.Equal("hello", item["Text"]?.ToString());
        Assert.False(string.IsNullOrEmpty(item["ETag"]?.ToString()));
        Assert.True(File.Exists(_db.Database.FilePath));
    }

    [Fact]
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

    [Fact]
    public async Task Star_etag_overwrites_whatever_is_stored()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = "*" } });

        Assert.Equal("v2", ((JObject)(await storage.ReadAsync(["k"]))["k"])["Text"]?.ToString());
    }

    [Fact]
    public async Task Each_write_gets_a_new_etag()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = ((JObject)(await storage.ReadAsync(["k"]))["k"])["ETag"]!.ToString();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = first } });
        var second = ((JObject)(await storage.ReadAsync(["k"]))["k"])["ETag"]!.ToString();

        Assert.NotEqual(first, second);
    }

    [Fact]
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

    [Fact]
    public async Task State_bags_without_etag_are_last_writer_wins_and_keep_no_type_names()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["bag"] = new Dictionary<string, object> { ["step"] = 1 } });
        await storage.WriteAsync(new Dictionary<string, object> { ["bag"] = new Dictionary<string, object> { ["step"] = 2 } });

        var bag = (JObject)(await storage.ReadAsync(["bag"]))["bag"];

        Assert.Equal(2, bag["step"]!.Value<int>());
        Assert.DoesNotContain("$type", bag.ToString());
    }

    [Fact]
    public async Task Deleted_items_read_as_absent_and_deleting_unknown_keys_is_fine()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "x" } });

        await storage.DeleteAsync(["k", "never-written"]);

        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task Database_uses_write_ahead_logging()
    {
        await using var connection = await _db.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public void Dispose() => _db.Dispose();
}
