using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Handoff;

/// <summary>The outbox's crash-safety edges, run against both providers: OutboxOn{Sqlite,Postgres}.</summary>
public abstract class OutboxContract : IDisposable
{
    private readonly TestDatabase _db;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteOutbox _outbox;
    private readonly SqliteCaseStore _cases;
    private readonly OutboxSignal _signal = new();

    protected OutboxContract(StorageProvider provider)
    {
        _db = new(provider, new CaseSchema(), new HandoffSchema());
        _outbox = new SqliteOutbox(_db.Database, _clock, Microsoft.Extensions.Options.Options.Create(new HandoffOptions()), _signal);
        _cases = new SqliteCaseStore(_db.Database, _clock, _db.Protector);
    }

    public void Dispose()
    {
        _signal.Dispose();
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [StorageFact]
    public async Task A_send_started_and_never_settled_comes_back_marked_as_maybe_sent_and_stays_so_after_a_clear_refusal()
    {
        await _outbox.EnqueueAsync(OutboxKind.CreateThread, new OutboxPayload("SO-AAAA"), "create-thread:SO-AAAA", CancellationToken.None);
        var first = Assert.Single(await _outbox.LeaseDueAsync("dying", 10, CancellationToken.None));
        Assert.False(first.MaybeSentBefore);
        Assert.True(await _outbox.MarkSendingAsync(first.Id, "dying", CancellationToken.None));
        Assert.False(await _outbox.MarkSendingAsync(first.Id, "someone-else", CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(2)); // The lease ran out: the owner died mid-send.
        var again = Assert.Single(await _outbox.LeaseDueAsync("next", 10, CancellationToken.None));
        Assert.True(again.MaybeSentBefore);
        await _outbox.RetryLaterAsync(again.Id, "next", _clock.GetUtcNow(), "throttled-429", maybeSent: false, CancellationToken.None);

        var third = Assert.Single(await _outbox.LeaseDueAsync("next", 10, CancellationToken.None));
        Assert.True(third.MaybeSentBefore);
    }

    [StorageFact]
    public async Task Leases_of_owners_known_to_be_gone_are_freed_at_once_and_others_are_kept()
    {
        await _outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload("SO-AAAA"), null, CancellationToken.None);
        await _outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload("SO-BBBB"), null, CancellationToken.None);
        Assert.Single(await _outbox.LeaseDueAsync("gone", 1, CancellationToken.None));
        Assert.Single(await _outbox.LeaseDueAsync("alive", 1, CancellationToken.None));
        Assert.Empty(await _outbox.LeaseDueAsync("probe", 10, CancellationToken.None));

        var freed = await _outbox.ReleaseLeasesOfGoneOwnersAsync(owner => owner == "gone", CancellationToken.None);

        Assert.Equal(1, freed);
        var taken = Assert.Single(await _outbox.LeaseDueAsync("restarted", 10, CancellationToken.None));
        Assert.Equal("SO-AAAA", taken.Payload.Reference);
    }

    [StorageFact]
    public async Task Dead_letters_are_listed_with_their_cases_queue_and_when_they_were_queued()
    {
        var record = await _cases.CreateAsync(new NewCase("webchat:u1", QueueNames.CareCoordination, null, CasePriority.Routine, null, new IntakeDraft().ToCaseDetails()), CancellationToken.None);
        await _outbox.EnqueueAsync(OutboxKind.CreateThread, new OutboxPayload(record.Reference), null, CancellationToken.None);
        await _outbox.EnqueueAsync(OutboxKind.ChannelNotice, new OutboxPayload("queue:social-work", Text: "moved"), null, CancellationToken.None);
        foreach (var item in await _outbox.LeaseDueAsync("me", 10, CancellationToken.None))
        {
            await _outbox.DeadLetterAsync(item.Id, "me", "forbidden-bot-removed", CancellationToken.None);
        }

        var letters = await _outbox.ListDeadLettersAsync(CancellationToken.None);

        Assert.Equal([QueueNames.CareCoordination, QueueNames.SocialWork], letters.Select(l => l.Queue));
        Assert.All(letters, l => Assert.Equal(_clock.GetUtcNow(), l.CreatedAt));
        Assert.Equal(0, await _outbox.CountPendingAsync(CancellationToken.None));
    }
}

public sealed class OutboxOnSqlite() : OutboxContract(StorageProvider.Sqlite);

public sealed class OutboxOnPostgres() : OutboxContract(StorageProvider.PostgreSQL), IPostgresTests;
