using SecondOpinionBot.Storage;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Handoff;

/// <summary>Run against both providers: CaseStoreOn{Sqlite,Postgres}.</summary>
public abstract class CaseStoreContract : IDisposable
{
    private static readonly CaseActor Ana = new("aad-ana", "Ana");
    private static readonly CaseActor Ben = new("aad-ben", "Ben");

    private readonly TestDatabase _db;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteCaseStore _store;

    protected CaseStoreContract(StorageProvider provider)
    {
        _db = new(provider, new CaseSchema());
        _store = new SqliteCaseStore(_db.Database, _clock, _db.Protector);
    }

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<CaseRecord> CreateAsync(string owner = "webchat:u1", CasePriority priority = CasePriority.Routine, string queue = "social-work") =>
        _store.CreateAsync(new NewCase(owner, queue, null, priority, "{\"conversation\":{\"id\":\"c1\"}}", new IntakeDraft
        {
            PatientFirstName = "Maya",
            Concern = "a lump the first doctor was unsure about",
            Phone = "+1 555 0100",
            Reasons = ["diagnostic-clarity"],
        }.ToCaseDetails()), CancellationToken.None);

    [StorageFact]
    public async Task A_new_case_is_stored_with_a_readable_reference_and_a_created_audit_line()
    {
        var created = await CreateAsync();

        var found = await _store.FindAsync(created.Reference.ToLowerInvariant(), CancellationToken.None);

        Assert.Matches("^SO-[2-9A-Z]{4}$", created.Reference);
        Assert.NotNull(found);
        Assert.Equal(CaseStatus.New, found.Status);
        Assert.Equal("Maya", found.Details.PatientFirstName);
        Assert.Equal(["diagnostic-clarity"], found.Details.Reasons);
        var audit = Assert.Single(await _store.GetAuditAsync(created.Reference, CancellationToken.None));
        Assert.Equal("created", audit.Action);
        Assert.DoesNotContain("Maya", audit.Detail ?? "");
    }

    [StorageFact]
    public async Task Two_staff_claiming_at_once_exactly_one_wins_and_the_other_sees_who()
    {
        var created = await CreateAsync();

        var results = await Task.WhenAll(
            _store.TryTransitionAsync(created.Reference, CaseStatus.New, CaseStatus.Claimed, Ana, null, CancellationToken.None),
            _store.TryTransitionAsync(created.Reference, CaseStatus.New, CaseStatus.Claimed, Ben, null, CancellationToken.None));

        Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        var winner = results.Single(r => r.Succeeded).Current!;
        Assert.Equal(winner.AssigneeName, loser.Current!.AssigneeName);
        Assert.Equal(2, winner.Version);
        Assert.Equal(2, (await _store.GetAuditAsync(created.Reference, CancellationToken.None)).Count);
    }

    [StorageFact]
    public async Task Illegal_moves_are_refused_and_leave_the_case_as_it_was()
    {
        var created = await CreateAsync();

        var result = await _store.TryTransitionAsync(created.Reference, CaseStatus.New, CaseStatus.Resolved, Ana, "done", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(CaseStatus.New, result.Current!.Status);
    }

    [StorageFact]
    public async Task Resolving_records_the_outcome_and_closing_time()
    {
        var created = await CreateAsync();
        await _store.TryTransitionAsync(created.Reference, CaseStatus.New, CaseStatus.Claimed, Ana, null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(3));

        var result = await _store.TryTransitionAsync(created.Reference, CaseStatus.Claimed, CaseStatus.Resolved, Ana, "Appointment booked", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("Appointment booked", result.Current!.Outcome);
        Assert.Equal(_clock.GetUtcNow(), result.Current.ClosedAt);
        Assert.Equal("Ana", result.Current.AssigneeName);
    }

    [StorageFact]
    public async Task Open_cases_are_listed_urgent_first_then_oldest_first()
    {
        var routineOld = await CreateAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var urgent = await CreateAsync(priority: CasePriority.Urgent);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var routineNew = await CreateAsync();
        var closed = await CreateAsync();
        await _store.TryTransitionAsync(closed.Reference, CaseStatus.New, CaseStatus.Withdrawn, Ana, null, CancellationToken.None);
        await CreateAsync(queue: "care-coordination");

        var open = await _store.ListOpenAsync("social-work", CancellationToken.None);

        Assert.Equal([urgent.Reference, routineOld.Reference, routineNew.Reference], open.Select(c => c.Reference));
    }

    [StorageFact]
    public async Task Erasing_a_patients_data_empties_their_cases_and_keeps_only_impersonal_audit_lines()
    {
        var created = await CreateAsync(owner: "webchat:maya");
        await CreateAsync(owner: "webchat:someone-else");

        var erased = await _store.ErasePersonalDataAsync("webchat:maya", CancellationToken.None);

        Assert.Equal(1, erased);
        var after = await _store.FindAsync(created.Reference, CancellationToken.None);
        Assert.Null(after!.Details.PatientFirstName);
        Assert.Null(after.Details.Phone);
        Assert.Null(after.PatientConversation);
        Assert.Equal(CaseStatus.Withdrawn, after.Status);
        Assert.Null(await _store.FindLatestForOwnerAsync("webchat:maya", CancellationToken.None));
        Assert.NotNull(await _store.FindLatestForOwnerAsync("webchat:someone-else", CancellationToken.None));
        var audit = await _store.GetAuditAsync(created.Reference, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "personal-data-erased");
        Assert.All(audit, a => Assert.DoesNotContain("maya", $"{a.Actor} {a.Detail}", StringComparison.OrdinalIgnoreCase));
    }

    [StorageFact]
    public async Task Purge_deletes_only_cases_closed_before_the_cutoff()
    {
        var old = await CreateAsync();
        await _store.TryTransitionAsync(old.Reference, CaseStatus.New, CaseStatus.Withdrawn, Ana, null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(40));
        var recent = await CreateAsync();
        await _store.TryTransitionAsync(recent.Reference, CaseStatus.New, CaseStatus.Withdrawn, Ana, null, CancellationToken.None);
        var open = await CreateAsync();

        var purged = await _store.PurgeClosedBeforeAsync(_clock.GetUtcNow().AddDays(-30), CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Null(await _store.FindAsync(old.Reference, CancellationToken.None));
        Assert.NotNull(await _store.FindAsync(recent.Reference, CancellationToken.None));
        Assert.NotNull(await _store.FindAsync(open.Reference, CancellationToken.None));
    }
}

public sealed class CaseStoreOnSqlite() : CaseStoreContract(StorageProvider.Sqlite);

public sealed class CaseStoreOnPostgres() : CaseStoreContract(StorageProvider.PostgreSQL), IPostgresTests;
