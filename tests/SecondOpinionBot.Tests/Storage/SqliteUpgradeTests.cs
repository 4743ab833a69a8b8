using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Channels.DirectLine;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Operations;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>
/// A database file made before versioned migrations (tables from CREATE … IF NOT EXISTS, no schema_version, times in
/// three formats) is upgraded in place at the first start: every row stays and reads back through the stores.
/// </summary>
public sealed class SqliteUpgradeTests : IDisposable
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 20, 8, 30, 15, 123, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "so-db", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static IDatabaseSchema[] All() =>
    [
        new PatientKeySchema(), new BotStateSchema(), new CaseSchema(), new CaseMessageSchema(), new HandoffSchema(),
        new OperationsSchema(), new PrepSheetLinkSchema(), new DirectLineSchema(),
    ];

    [Fact]
    public async Task A_file_from_before_migrations_keeps_its_rows_and_continues_its_transcripts()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "old.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            // What the previous release's start made (its CREATE statements are the SQLite baselines), and rows in
            // its formats: "+00:00" round-trip text, unix milliseconds, MAX(seq) transcript positions.
            command.CommandText = string.Concat(All().Select(s => s.Sqlite[0].Sql)) + $"""
                INSERT INTO bot_state VALUES ('msteams/users/u1', 'e1', '{"{"}"draft":1{"}"}', '2026-11-01T10:00:00.0000000+00:00');
                INSERT INTO prep_sheet_links VALUES ('hash1', 'webchat:u1', {Expires.AddDays(-7).ToUnixTimeMilliseconds()}, {Expires.ToUnixTimeMilliseconds()}, 'sheet');
                INSERT INTO turn_journal (conversation_key, activity_id, replies, delivered, created_at) VALUES ('c', 'a1', '[]', 1, {Expires.ToUnixTimeMilliseconds()});
                INSERT INTO directline_conversations (id, user_id, created_at) VALUES ('conv1', 'dl_u1', '2026-11-30T09:00:00.0000000+00:00');
                INSERT INTO directline_activities (conversation_id, seq, activity_id, json) VALUES
                    ('conv1', 1, 'conv1|1', '{"{"}"type":"message","text":"one"{"}"}'),
                    ('conv1', 2, 'conv1|2', '{"{"}"type":"message","text":"two"{"}"}');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await using var database = new BotDatabase(
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { SqlitePath = path }),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = _directory },
            All());
        var protector = new PatientDataProtector(database, new EphemeralDataProtectionProvider(), clock);

        var transcripts = new DirectLineStore(database, clock, protector, new EphemeralDataProtectionProvider());
        var next = await transcripts.AppendActivityAsync("conv1", seq => ($"conv1|{seq}", """{"type":"message","text":"three"}"""), CancellationToken.None);
        Assert.Equal(3, next);
        Assert.Equal([1L, 2L, 3L], (await transcripts.ReadActivitiesAfterAsync("conv1", 0, 10, CancellationToken.None)).Select(a => a.Sequence));

        var links = new PrepSheetLinkStore(database, Microsoft.Extensions.Options.Options.Create(new PrepSheetOptions()), clock, protector);
        Assert.Equal((1, (DateTimeOffset?)Expires), await links.DescribeAsync("webchat:u1", CancellationToken.None));

        // Times compare as times now: the draft is older than a cutoff after it, the journal entry newer than one before it.
        var state = new SqliteBotStorage(database, clock, protector);
        Assert.Single(await state.ReadAsync(["msteams/users/u1"]));
        Assert.Equal(0, await new SecondOpinionBot.Storage.Turns.TurnJournal(database, protector, clock).PurgeBeforeAsync(Expires.AddSeconds(-1), CancellationToken.None));

        await using var connection = await database.OpenAsync();
        await using var versions = connection.CreateCommand();
        versions.CommandText = "SELECT COUNT(*) FROM schema_version";
        Assert.Equal(All().Sum(s => s.Sqlite.Count), Convert.ToInt32(await versions.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        await using var times = connection.CreateCommand();
        times.CommandText = "SELECT updated_at FROM bot_state UNION ALL SELECT created_at FROM directline_conversations UNION ALL SELECT expires_at FROM prep_sheet_links";
        await using var reader = await times.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", reader.GetString(0));
        }
    }
}
