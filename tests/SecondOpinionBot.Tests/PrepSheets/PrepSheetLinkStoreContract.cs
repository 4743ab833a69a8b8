using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.PrepSheets;

/// <summary>Run against both providers: PrepSheetLinkStoreOn{Sqlite,Postgres}.</summary>
public abstract class PrepSheetLinkStoreContract : IDisposable
{
    private readonly TestDatabase _db;

    protected PrepSheetLinkStoreContract(StorageProvider provider) => _db = new(provider, new PrepSheetLinkSchema());
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    private PrepSheetLinkStore Store(int days = 7, string? baseUrl = null) =>
        new(_db.Database, Microsoft.Extensions.Options.Options.Create(new PrepSheetOptions { LinkLifetimeDays = days, PublicBaseUrl = baseUrl }), _clock, _db.Protector);

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly PrepSheetWords Words = PrepSheetWords.Fixed(EnglishWording.PrepSheet, EnglishWording.Catalog);

    private static PrepSheetAnswers Sheet() => PrepSheetAnswers.From(EnglishWording.SentinelDraft().ToCaseDetails(), "SO-7K3F", null, "en");

    [StorageFact]
    public async Task A_link_opens_its_sheet_until_it_expires_after_seven_days()
    {
        var store = Store();
        var link = await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);

        Assert.Equal(_clock.GetUtcNow().AddDays(7), link.ExpiresAt);
        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(Sentinels.Question + "?", (await store.FindAsync(link.Token, Words, CancellationToken.None))!.Questions[0]);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.FindAsync(link.Token, Words, CancellationToken.None));
    }

    [StorageFact]
    public async Task The_lifetime_is_configurable()
    {
        var store = Store(days: 2);
        var link = await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);

        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Null(await store.FindAsync(link.Token, Words, CancellationToken.None));
    }

    [StorageFact]
    public async Task Tokens_are_long_url_safe_and_different_each_time_and_only_their_hash_is_stored()
    {
        var store = Store(baseUrl: "https://bot.example.org");
        var first = await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);
        var second = await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", first.Token);
        Assert.Equal("/prep/" + first.Token, first.Path);
        Assert.Equal("https://bot.example.org/prep/" + first.Token, first.Url!.ToString());
        var stored = await ReadColumnAsync("token_hash");
        Assert.Contains(PrepSheetToken.Hash(first.Token), stored);
        Assert.DoesNotContain(stored, value => value.Contains(first.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(await ReadColumnAsync("sheet"), value => value.Contains(first.Token, StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task A_link_keeps_the_answers_not_the_wording_and_the_sheet_is_worded_when_opened()
    {
        var store = Store();
        var link = await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);

        var stored = (await _db.Protector.UnprotectAsync("webchat:u1", Assert.Single(await ReadColumnAsync("sheet")), CancellationToken.None))!;
        Assert.Contains(Sentinels.Question, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishWording.PrepSheet.Footer, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishWording.PrepSheet.Intro, stored, StringComparison.Ordinal);
        Assert.All(EnglishWording.Catalog.Records.Values.Where(r => r.Explanation is not null), r => Assert.DoesNotContain(r.Explanation!, stored, StringComparison.Ordinal));
        Assert.True(stored.Length < 1024, $"{stored.Length} bytes: {stored}");
        var rendered = PrepSheetBuilder.Build(EnglishWording.SentinelDraft().ToCaseDetails(), "SO-7K3F", null, EnglishWording.PrepSheet, EnglishWording.Catalog);
        Assert.Equal(JsonSerializer.Serialize(rendered), JsonSerializer.Serialize(await store.FindAsync(link.Token, Words, CancellationToken.None)));
    }

    [StorageFact]
    public async Task A_link_made_before_answers_were_stored_still_opens_its_whole_sheet()
    {
        var store = Store();
        var token = PrepSheetToken.New();
        var rendered = PrepSheetBuilder.Build(EnglishWording.SentinelDraft().ToCaseDetails(), "SO-7K3F", null, EnglishWording.PrepSheet, EnglishWording.Catalog);
        await using (var connection = await _db.Database.OpenAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO prep_sheet_links (token_hash, owner_key, created_at, expires_at, sheet) VALUES (@hash, 'webchat:u1', @now, @expires, @sheet)";
            insert.Parameters.AddWithValue("@hash", PrepSheetToken.Hash(token));
            insert.Parameters.AddWithValue("@now", _clock.GetUtcNow());
            insert.Parameters.AddWithValue("@expires", _clock.GetUtcNow().AddDays(7));
            // The form links had before: the whole rendered sheet, encrypted with the owner's key.
            insert.Parameters.AddWithValue("@sheet", await _db.Protector.ProtectAsync("webchat:u1", JsonSerializer.Serialize(rendered, WebJson), CancellationToken.None));
            await insert.ExecuteNonQueryAsync();
        }

        var sheet = await store.FindAsync(token, PrepSheetWords.Fixed(EnglishWording.PrepSheet with { Footer = "changed since" }, EnglishWording.Catalog), CancellationToken.None);

        Assert.Equal(JsonSerializer.Serialize(rendered), JsonSerializer.Serialize(sheet));
    }

    [StorageTheory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("../../etc/passwd")]
    public async Task Malformed_or_unknown_tokens_find_nothing(string token)
    {
        var store = Store();
        await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);

        Assert.Null(await store.FindAsync(token, Words, CancellationToken.None));
        Assert.Null(await store.FindAsync(PrepSheetToken.New(), Words, CancellationToken.None));
    }

    [StorageFact]
    public async Task Revoking_stops_every_link_of_that_person_and_no_one_elses()
    {
        var store = Store();
        var mine = await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);
        var mine2 = await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);
        var theirs = await store.CreateAsync("webchat:u2", Sheet(), CancellationToken.None);

        Assert.Equal(2, await store.RevokeAllAsync("webchat:u1", CancellationToken.None));

        Assert.Null(await store.FindAsync(mine.Token, Words, CancellationToken.None));
        Assert.Null(await store.FindAsync(mine2.Token, Words, CancellationToken.None));
        Assert.NotNull(await store.FindAsync(theirs.Token, Words, CancellationToken.None));
        Assert.Single(await ReadColumnAsync("sheet"));
    }

    [StorageFact]
    public async Task Purging_deletes_expired_links_with_their_content_and_keeps_live_ones()
    {
        var store = Store();
        await store.CreateAsync("webchat:u1", Sheet(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(5));
        var fresh = await store.CreateAsync("webchat:u2", Sheet(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(1, await store.PurgeExpiredAsync(CancellationToken.None));

        Assert.Single(await ReadColumnAsync("sheet"));
        Assert.NotNull(await store.FindAsync(fresh.Token, Words, CancellationToken.None));
    }

    private async Task<IReadOnlyList<string>> ReadColumnAsync(string column)
    {
        await using var connection = await _db.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM prep_sheet_links";
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

public sealed class PrepSheetLinkStoreOnSqlite() : PrepSheetLinkStoreContract(StorageProvider.Sqlite);

public sealed class PrepSheetLinkStoreOnPostgres() : PrepSheetLinkStoreContract(StorageProvider.PostgreSQL), IPostgresTests;
