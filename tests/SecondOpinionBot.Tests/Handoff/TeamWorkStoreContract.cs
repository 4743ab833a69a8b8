using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Handoff;

/// <summary>
/// The SQL of the team's daily work, run against both providers (TeamWorkStoreOn{Sqlite,Postgres}): assignments,
/// unassignment, transfers (with the old card kept as a copy), "my cases", staff notes and what the patient is told
/// about them, the reminder markers in the audit, and the timer lease that lets one instance run the reminder job,
/// with two instances (two connection pools) racing where it matters.
/// </summary>
public abstract class TeamWorkStoreContract : IDisposable
{
    private static readonly CaseActor Ana = new("aad-ana", "Ana", "29:aad-ana");
    private static readonly CaseActor Ben = new("aad-ben", "Ben", "29:aad-ben");
    private static readonly CaseActor Chen = new("aad-chen", "Chen");

    private readonly TestDatabase _db;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteCaseStore _store;
    private readonly SqliteCaseMessageStore _messages;

    protected TeamWorkStoreContract(StorageProvider provider)
    {
        _db = new(provider, new CaseSchema(), new CaseMessageSchema(), new HandoffSchema());
        _store = new SqliteCaseStore(_db.Database, _clock, _db.Protector);
        _messages = new SqliteCaseMessageStore(_db.Database, _clock, _db.Protector);
    }

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<CaseRecord> CreateAsync(string owner = "webchat:u1", string queue = QueueNames.SocialWork, CasePriority priority = CasePriority.Routine) =>
        _store.CreateAsync(new NewCase(owner, queue, null, priority, "{\"conversation\":{\"id\":\"c1\"}}", new IntakeDraft { PatientFirstName = "Maya", Concern = "a lump" }.ToCaseDetails()), CancellationToken.None);

    [StorageFact]
    public async Task Assign_gives_the_case_at_the_version_seen_and_an_outdated_one_changes_nothing()
    {
        var created = await CreateAsync();

        var assigned = await _store.TryAssignAsync(created.Reference, created.Version, Ben, Ana, CancellationToken.None);
        var stale = await _store.TryAssignAsync(created.Reference, created.Version, Chen, Ana, CancellationToken.None);

        Assert.True(assigned.Succeeded);
        Assert.Equal((CaseStatus.Claimed, "aad-ben", "Ben", "29:aad-ben", 2), (assigned.Current!.Status, assigned.Current.AssigneeId, assigned.Current.AssigneeName, assigned.Current.AssigneeUserId, assigned.Current.Version));
        Assert.False(stale.Succeeded);
        Assert.Equal("aad-ben", stale.Current!.AssigneeId);
        var audit = await _store.GetAuditAsync(created.Reference, CancellationToken.None);
        Assert.Single(audit, a => a.Action == "assigned" && a.Actor == "aad-ana");
    }

    [StorageFact]
    public async Task Two_instances_assigning_the_same_version_at_once_have_one_winner()
    {
        var created = await CreateAsync();
        await using var other = _db.OpenAnother(new CaseSchema(), new CaseMessageSchema(), new HandoffSchema());
        var second = new SqliteCaseStore(other, _clock, _db.Protector);

        var results = await Task.WhenAll(
            _store.TryAssignAsync(created.Reference, created.Version, Ben, Ana, CancellationToken.None),
            second.TryAssignAsync(created.Reference, created.Version, Chen, Ana, CancellationToken.None));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(winner.Current!.AssigneeId, (await _store.FindAsync(created.Reference, CancellationToken.None))!.AssigneeId);
        Assert.Single(await _store.GetAuditAsync(created.Reference, CancellationToken.None), a => a.Action == "assigned");
    }

    [StorageFact]
    public async Task Unassign_puts_the_case_back_only_while_the_expected_person_has_it()
    {
        var created = await CreateAsync();
        var assigned = (await _store.TryAssignAsync(created.Reference, created.Version, Ben, Ana, CancellationToken.None)).Current!;

        var wrong = await _store.TryUnassignAsync(created.Reference, "aad-ana", Chen, CancellationToken.None);
        var right = await _store.TryUnassignAsync(created.Reference, "aad-ben", Chen, CancellationToken.None);

        Assert.False(wrong.Succeeded);
        Assert.True(right.Succeeded);
        Assert.Equal((CaseStatus.New, null, null), (right.Current!.Status, right.Current.AssigneeId, right.Current.AssigneeUserId));
        Assert.Equal(assigned.Version + 1, right.Current.Version);
        Assert.Single(await _store.GetAuditAsync(created.Reference, CancellationToken.None), a => a.Action == "unassigned" && a.Actor == "aad-chen");
        Assert.Empty(await _store.ListOpenAssignedToAsync("aad-ben", CancellationToken.None));
    }

    [StorageFact]
    public async Task Transfer_moves_the_case_keeps_its_old_card_as_a_copy_and_is_refused_to_the_same_queue_or_once_closed()
    {
        var created = await CreateAsync();
        await _store.SetStaffCardAsync(created.Reference, "19:sw-thread", "card-1", CancellationToken.None);
        var claimed = (await _store.TryAssignAsync(created.Reference, created.Version, Ben, Ana, CancellationToken.None)).Current!;

        Assert.False((await _store.TryTransferAsync(created.Reference, claimed.Version, QueueNames.SocialWork, Ben, CancellationToken.None)).Succeeded);
        var moved = await _store.TryTransferAsync(created.Reference, claimed.Version, QueueNames.CareCoordination, Ben, CancellationToken.None);
        var again = await _store.TryTransferAsync(created.Reference, claimed.Version, QueueNames.CareCoordination, Ben, CancellationToken.None);

        Assert.True(moved.Succeeded);
        Assert.False(again.Succeeded);
        var now = moved.Current!;
        Assert.Equal((QueueNames.CareCoordination, CaseStatus.Transferred, null, null), (now.Queue, now.Status, now.AssigneeId, now.StaffConversationId));
        Assert.Equal([("19:sw-thread", "card-1")], await _store.ListCardCopiesAsync(created.Reference, CancellationToken.None));
        Assert.Contains(await _store.ListOpenAsync(QueueNames.CareCoordination, CancellationToken.None), c => c.Reference == created.Reference);
        Assert.DoesNotContain(await _store.ListOpenAsync(QueueNames.SocialWork, CancellationToken.None), c => c.Reference == created.Reference);
        Assert.Single(await _store.GetAuditAsync(created.Reference, CancellationToken.None), a => a.Action == "transferred" && a.Detail == "from=social-work;to=care-coordination");

        var claimedThere = (await _store.TryTransitionAsync(created.Reference, CaseStatus.Transferred, CaseStatus.Claimed, Ana, null, CancellationToken.None)).Current!;
        await _store.TryTransitionAsync(created.Reference, CaseStatus.Claimed, CaseStatus.Resolved, Ana, "support-arranged", CancellationToken.None);
        Assert.False((await _store.TryTransferAsync(created.Reference, claimedThere.Version + 1, QueueNames.SocialWork, Ana, CancellationToken.None)).Succeeded);
        var reopened = await _store.TryTransitionAsync(created.Reference, CaseStatus.Resolved, CaseStatus.Reopened, Ana, null, CancellationToken.None);
        Assert.Equal(CaseStatus.Reopened, reopened.Current!.Status);
    }

    [StorageFact]
    public async Task My_cases_lists_every_open_case_of_one_person_across_queues_urgent_first()
    {
        var routine = await CreateAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        var urgent = await CreateAsync(owner: "webchat:u2", queue: QueueNames.CareCoordination, priority: CasePriority.Urgent);
        var someoneElse = await CreateAsync(owner: "webchat:u3");
        await _store.TryAssignAsync(routine.Reference, routine.Version, Ben, Ana, CancellationToken.None);
        await _store.TryAssignAsync(urgent.Reference, urgent.Version, Ben, Ana, CancellationToken.None);
        await _store.TryAssignAsync(someoneElse.Reference, someoneElse.Version, Ana, Ana, CancellationToken.None);

        var mine = await _store.ListOpenAssignedToAsync("aad-ben", CancellationToken.None);

        Assert.Equal([urgent.Reference, routine.Reference], mine.Select(c => c.Reference));
    }

    [StorageFact]
    public async Task Staff_notes_are_kept_encrypted_with_the_case_and_not_counted_as_messages_with_the_patient_and_erased_with_them()
    {
        var created = await CreateAsync();
        await _messages.AddAsync(created.Id, MessageDirection.FromPatient, "patient", "", "I found the letter", CancellationToken.None);
        await _messages.AddAsync(created.Id, MessageDirection.ToPatient, "aad-ana", "Ana", "Thanks, I will call", CancellationToken.None);
        await _messages.AddAsync(created.Id, MessageDirection.StaffNote, "aad-ana", "Ana", "Left a voicemail", CancellationToken.None);

        var listed = await _messages.ListAsync(created.Id, CancellationToken.None);
        Assert.Equal([MessageDirection.FromPatient, MessageDirection.ToPatient, MessageDirection.StaffNote], listed.Select(m => m.Direction));
        Assert.Equal("Left a voicemail", listed[^1].Text);
        Assert.Equal(2, await _messages.CountForOwnerAsync("webchat:u1", CancellationToken.None));

        await _messages.EraseForOwnerAsync("webchat:u1", CancellationToken.None);
        Assert.Empty(await _messages.ListAsync(created.Id, CancellationToken.None));
    }

    [StorageFact]
    public async Task Reminder_markers_in_the_audit_read_back_in_order_with_their_keys()
    {
        var created = await CreateAsync();
        _clock.Advance(TimeSpan.FromHours(9));
        await _store.AppendAuditAsync(created.Reference, "bot", "overdue-reminder", "overdue:SO-X:1:1", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(8));
        await _store.AppendAuditAsync(created.Reference, "bot", "overdue-reminder", "overdue:SO-X:1:2", CancellationToken.None);

        var reminders = (await _store.GetAuditAsync(created.Reference, CancellationToken.None)).Where(a => a.Action == "overdue-reminder").ToList();

        Assert.Equal(["overdue:SO-X:1:1", "overdue:SO-X:1:2"], reminders.Select(r => r.Detail));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 18, 0, 0, TimeSpan.Zero), reminders[0].At);
    }

    [StorageFact]
    public async Task The_timer_lease_has_one_holder_renewed_by_it_and_taken_over_only_after_it_runs_out()
    {
        var lease = new TimerLease(_db.Database, _clock);
        await using var other = _db.OpenAnother(new CaseSchema(), new CaseMessageSchema(), new HandoffSchema());
        var otherLease = new TimerLease(other, _clock);

        var first = await Task.WhenAll(
            lease.TryAcquireAsync("overdue-reminders", "instance-a", TimeSpan.FromMinutes(10), CancellationToken.None),
            otherLease.TryAcquireAsync("overdue-reminders", "instance-b", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.Single(first, won => won);
        var (holder, holderLease, waiting, waitingLease) = first[0] ? ("instance-a", lease, "instance-b", otherLease) : ("instance-b", otherLease, "instance-a", lease);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(await holderLease.TryAcquireAsync("overdue-reminders", holder, TimeSpan.FromMinutes(10), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await waitingLease.TryAcquireAsync("overdue-reminders", waiting, TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.True(await waitingLease.TryAcquireAsync("another-job", waiting, TimeSpan.FromMinutes(10), CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await waitingLease.TryAcquireAsync("overdue-reminders", waiting, TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.False(await holderLease.TryAcquireAsync("overdue-reminders", holder, TimeSpan.FromMinutes(10), CancellationToken.None));
    }
}

public sealed class TeamWorkStoreOnSqlite() : TeamWorkStoreContract(StorageProvider.Sqlite);

public sealed class TeamWorkStoreOnPostgres() : TeamWorkStoreContract(StorageProvider.PostgreSQL), IPostgresTests;
