using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace SecondOpinionBot.Tests.Privacy;

/// <summary>Run against both providers: RetentionOn{Sqlite,Postgres}.</summary>
public abstract class RetentionContract : IDisposable
{
    private static readonly CaseActor Ana = new("aad-ana", "Ana");

    private readonly TestDatabase _db;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteCaseStore _cases;
    private readonly PrepSheetLinkStore _links;
    private readonly SqliteBotStorage _state;

    protected RetentionContract(StorageProvider provider)
    {
        _db = new(provider, new CaseSchema(), new PrepSheetLinkSchema(), new BotStateSchema());
        _cases = new SqliteCaseStore(_db.Database, _clock, _db.Protector);
        _links = new PrepSheetLinkStore(_db.Database, MsOptions.Create(new PrepSheetOptions()), _clock, _db.Protector);
        _state = new SqliteBotStorage(_db.Database, _clock, _db.Protector);
    }

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    private IRetentionParticipant[] Participants => [new ClosedCaseRetention(_cases), new ExpiredLinkRetention(_links)];

    private RetentionService Service(int days = 180) =>
        new(Participants, _state, MsOptions.Create(new RetentionOptions { ResolvedCaseRetentionDays = days }), _clock, NullLogger<RetentionService>.Instance);

    private async Task<string> ResolvedCaseAsync()
    {
        var created = await _cases.CreateAsync(new NewCase("webchat:u", "social-work", null, CasePriority.Routine, null, new IntakeDraft { Phone = Sentinels.Phone }.ToCaseDetails()), CancellationToken.None);
        await _cases.TryTransitionAsync(created.Reference, CaseStatus.New, CaseStatus.Claimed, Ana, null, CancellationToken.None);
        await _cases.TryTransitionAsync(created.Reference, CaseStatus.Claimed, CaseStatus.Resolved, Ana, "done", CancellationToken.None);
        return created.Reference;
    }

    [StorageFact]
    public async Task Resolved_cases_past_retention_and_expired_links_are_purged_and_the_rest_kept()
    {
        var old = await ResolvedCaseAsync();
        var openOld = (await _cases.CreateAsync(new NewCase("webchat:u2", "social-work", null, CasePriority.Routine, null, new IntakeDraft().ToCaseDetails()), CancellationToken.None)).Reference;
        var oldLink = await _links.CreateAsync("webchat:u", PrepSheetAnswers.From(new IntakeDraft().ToCaseDetails(), null, null, "en"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(10));
        var recent = await ResolvedCaseAsync();
        _clock.Advance(TimeSpan.FromDays(175));
        var liveLink = await _links.CreateAsync("webchat:u", PrepSheetAnswers.From(new IntakeDraft().ToCaseDetails(), null, null, "en"), CancellationToken.None);

        var run = await Service().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, run.PurgedBy(ClosedCaseRetention.Purges));
        Assert.Equal(1, run.PurgedBy(ExpiredLinkRetention.Purges));
        Assert.Null(await _cases.FindAsync(old, CancellationToken.None));
        Assert.NotNull(await _cases.FindAsync(recent, CancellationToken.None));
        Assert.NotNull(await _cases.FindAsync(openOld, CancellationToken.None));
        Assert.Null(await _links.FindAsync(oldLink.Token, PrepSheetWords.Fixed(EnglishWording.PrepSheet, EnglishWording.Catalog), CancellationToken.None));
        Assert.NotNull(await _links.FindAsync(liveLink.Token, PrepSheetWords.Fixed(EnglishWording.PrepSheet, EnglishWording.Catalog), CancellationToken.None));
    }

    [StorageFact]
    public async Task The_retention_period_is_configurable()
    {
        var reference = await ResolvedCaseAsync();
        _clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(0, (await Service(days: 60).RunOnceAsync(CancellationToken.None)).PurgedBy(ClosedCaseRetention.Purges));
        Assert.Equal(1, (await Service(days: 30).RunOnceAsync(CancellationToken.None)).PurgedBy(ClosedCaseRetention.Purges));
        Assert.Null(await _cases.FindAsync(reference, CancellationToken.None));
    }

    [StorageFact]
    public async Task Conversation_positions_idle_past_the_limit_are_purged_but_user_drafts_and_recent_chats_stay()
    {
        const string Idle = "webchat/conversations/idle-chat", Recent = "webchat/conversations/recent-chat", Draft = "webchat/users/u1";
        await _state.WriteAsync(new Dictionary<string, object>
        {
            [Idle] = new Newtonsoft.Json.Linq.JObject { ["DialogStack"] = "[]" },
            [Draft] = new Newtonsoft.Json.Linq.JObject { ["IntakeDraft"] = "{}" },
        });
        _clock.Advance(TimeSpan.FromHours(20));
        await _state.WriteAsync(new Dictionary<string, object> { [Recent] = new Newtonsoft.Json.Linq.JObject { ["DialogStack"] = "[]" } });
        _clock.Advance(TimeSpan.FromHours(5));

        var run = await Service().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, run.ConversationsPurged);
        var left = await _state.ReadAsync([Idle, Recent, Draft]);
        Assert.False(left.ContainsKey(Idle));
        Assert.True(left.ContainsKey(Recent));
        Assert.True(left.ContainsKey(Draft));
    }

    [StorageFact]
    public async Task Running_as_a_background_service_purges_once_started_and_again_each_interval()
    {
        var first = await ResolvedCaseAsync();
        _clock.Advance(TimeSpan.FromDays(181));
        var second = await ResolvedCaseAsync();
        var runs = new LogSignal<RetentionService>();
        var service = new RetentionService(Participants, _state,
            MsOptions.Create(new RetentionOptions { ResolvedCaseRetentionDays = 180, PurgeInterval = TimeSpan.FromHours(6), FirstRunDelay = TimeSpan.Zero }), _clock, runs);

        // Each finished run logs "Retention purge: …"; the fake clock decides when a run is due, the log says it ran.
        // No first-run delay: since .NET 10 ExecuteAsync starts on the thread pool, so a delay timer might not exist yet
        // when the test advances the clock.
        await service.StartAsync(CancellationToken.None);
        await runs.WaitForAsync("Retention purge:", count: 1);
        Assert.Null(await _cases.FindAsync(first, CancellationToken.None));
        Assert.NotNull(await _cases.FindAsync(second, CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(181));
        await runs.WaitForAsync("Retention purge:", count: 2);
        Assert.Null(await _cases.FindAsync(second, CancellationToken.None));
        await service.StopAsync(CancellationToken.None);
    }
}

public sealed class RetentionOnSqlite() : RetentionContract(StorageProvider.Sqlite);

public sealed class RetentionOnPostgres() : RetentionContract(StorageProvider.PostgreSQL), IPostgresTests;
