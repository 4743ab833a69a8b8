using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;
using SecondOpinionBot.Channels.DirectLine;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Storage.Turns;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>
/// What several instances on one database rely on, with two BotDatabase instances (two connection pools, as two
/// processes have) working at once: the guarantees that SQLite gave by allowing one writer must hold on PostgreSQL too.
/// </summary>
public abstract class ConcurrencyContract(StorageProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider, new BotStateSchema(), new CaseSchema(), new HandoffSchema(), new DirectLineSchema());

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    private (BotDatabase First, BotDatabase Second) TwoInstances() =>
        (_db.OpenAnother(new BotStateSchema(), new CaseSchema(), new HandoffSchema(), new DirectLineSchema()),
         _db.OpenAnother(new BotStateSchema(), new CaseSchema(), new HandoffSchema(), new DirectLineSchema()));

    [StorageFact]
    public async Task Two_outbox_workers_lease_each_item_exactly_once()
    {
        var (first, second) = TwoInstances();
        await using var a = first;
        await using var b = second;
        var options = MsOptions.Create(new HandoffOptions());
        using var signal = new OutboxSignal();
        var outboxA = new SqliteOutbox(a, TimeProvider.System, options, signal);
        var outboxB = new SqliteOutbox(b, TimeProvider.System, options, signal);
        const int Items = 60;
        for (var i = 0; i < Items; i++)
        {
            await outboxA.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload($"SO-{i:0000}"), dedupeKey: null, CancellationToken.None);
        }

        var leased = new ConcurrentBag<(string Worker, long Id)>();
        async Task WorkAsync(IOutbox outbox, string worker)
        {
            while (await outbox.LeaseDueAsync(worker, batchSize: 3, CancellationToken.None) is { Count: > 0 } batch)
            {
                foreach (var item in batch)
                {
                    leased.Add((worker, item.Id));
                    await outbox.CompleteAsync(item.Id, CancellationToken.None);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(i => new[] { WorkAsync(outboxA, $"a{i}"), WorkAsync(outboxB, $"b{i}") }));

        Assert.Equal(Items, leased.Count);
        Assert.Equal(Items, leased.Select(l => l.Id).Distinct().Count());
        Assert.Equal(0, await outboxB.CountPendingAsync(CancellationToken.None));
    }

    [StorageFact]
    public async Task Appends_to_one_transcript_from_two_instances_get_consecutive_positions_in_commit_order()
    {
        var (first, second) = TwoInstances();
        await using var a = first;
        await using var b = second;
        var keys = new EphemeralDataProtectionProvider();
        var storeA = new DirectLineStore(a, TimeProvider.System, _db.Protector, keys);
        var storeB = new DirectLineStore(b, TimeProvider.System, _db.Protector, keys);
        await storeA.CreateConversationAsync("conv", "dl_user", null, CancellationToken.None);

        const int Appends = 30;
        var positions = await Task.WhenAll(Enumerable.Range(0, Appends).Select(i => Task.Run(() =>
            (i % 2 == 0 ? storeA : storeB).AppendActivityAsync("conv", seq => ($"conv|{seq}", $$"""{"type":"message","text":"m{{i}}"}"""), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, Appends).Select(p => (long)p), positions.Order());
        var read = await storeB.ReadActivitiesAfterAsync("conv", 0, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, Appends).Select(p => (long)p), read.Select(r => r.Sequence));
        Assert.Equal(Appends, read.Select(r => r.Json).Distinct().Count());
    }

    /// <summary>
    /// Forces the overlap every run: a turn on instance A holds the lease while a turn of the same conversation on
    /// instance B asks for it. B must start waiting and not get it (an unguarded lease would grant it at once) until A
    /// lets go; then B gets it, and no two turns were ever inside together.
    /// </summary>
    [StorageFact]
    public async Task Turns_of_one_conversation_on_two_instances_never_overlap()
    {
        var (first, second) = TwoInstances();
        await using var a = first;
        await using var b = second;
        var settings = MsOptions.Create(new StorageOptions());
        var leaseA = new TurnLease(a, settings, TimeProvider.System, NullLogger<TurnLease>.Instance);
        var leaseB = new TurnLease(b, settings, TimeProvider.System, NullLogger<TurnLease>.Instance);
        using var leases = new TurnLeaseWaits();
        var inside = 0;
        var mostAtOnce = 0;
        var aInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letAGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task TurnAsync(TurnLease lease, Func<Task> whileInside)
        {
            await using (await lease.AcquireAsync("msteams/conversations/c1", CancellationToken.None))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref mostAtOnce, now);
                await whileInside();
                Interlocked.Decrement(ref inside);
            }
        }

        var turnA = Task.Run(() => TurnAsync(leaseA, async () =>
        {
            aInside.SetResult();
            await letAGo.Task;
        }));
        await aInside.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var (trace, _) = TurnLeaseWaits.NewTrace();
        var turnB = Task.Run(async () =>
        {
            // B's lease span joins this trace, so the test can tell when B is asking for the lease.
            using var request = new System.Diagnostics.Activity("test-turn-b")
                .SetParentId(trace, System.Diagnostics.ActivitySpanId.CreateRandom(), System.Diagnostics.ActivityTraceFlags.Recorded).Start();
            await TurnAsync(leaseB, () => Task.CompletedTask);
        });
        await leases.StartedAsync(trace);
        await leases.NotGrantedWithinAsync(trace, TimeSpan.FromMilliseconds(300));
        Assert.False(turnB.IsCompleted, "B finished its turn while A held the lease.");

        letAGo.SetResult();
        await Task.WhenAll(turnA, turnB).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, mostAtOnce);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            Interlocked.CompareExchange(ref target, value, current);
        }
    }

    [StorageFact]
    public async Task Two_staff_claiming_one_case_on_two_instances_exactly_one_wins()
    {
        var (first, second) = TwoInstances();
        await using var a = first;
        await using var b = second;
        var casesA = new SqliteCaseStore(a, TimeProvider.System, _db.Protector);
        var casesB = new SqliteCaseStore(b, TimeProvider.System, _db.Protector);
        for (var round = 0; round < 10; round++)
        {
            var record = await casesA.CreateAsync(new NewCase("webchat:u1", QueueNames.SocialWork, null, CasePriority.Routine, null, Personas.Maya().ToCaseDetails()), CancellationToken.None);

            var results = await Task.WhenAll(
                Task.Run(() => casesA.TryTransitionAsync(record.Reference, CaseStatus.New, CaseStatus.Claimed, new CaseActor("aad-ana", "Ana"), null, CancellationToken.None)),
                Task.Run(() => casesB.TryTransitionAsync(record.Reference, CaseStatus.New, CaseStatus.Claimed, new CaseActor("aad-ben", "Ben"), null, CancellationToken.None)));

            Assert.Single(results, r => r.Succeeded);
            var claimed = await casesB.FindAsync(record.Reference, CancellationToken.None);
            Assert.Equal(results.Single(r => r.Succeeded).Current!.AssigneeId, claimed!.AssigneeId);
            Assert.Single(await casesA.GetAuditAsync(record.Reference, CancellationToken.None), e => e.Action == "New->Claimed");
        }
    }

    [StorageFact]
    public async Task One_confirming_activity_resent_to_two_instances_at_once_makes_one_case()
    {
        var (first, second) = TwoInstances();
        await using var a = first;
        await using var b = second;
        var casesA = new SqliteCaseStore(a, TimeProvider.System, _db.Protector);
        var casesB = new SqliteCaseStore(b, TimeProvider.System, _db.Protector);
        NewCase Request() => new("webchat:u2", QueueNames.SocialWork, null, CasePriority.Routine, null, Personas.Maya().ToCaseDetails()) { RequestKey = "webchat/conv/activity-7" };

        var made = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? casesA : casesB).CreateAsync(Request(), CancellationToken.None))));

        Assert.Single(made.Select(m => m.Reference).Distinct());
    }
}

public sealed class ConcurrencyOnSqlite() : ConcurrencyContract(StorageProvider.Sqlite);

public sealed class ConcurrencyOnPostgres() : ConcurrencyContract(StorageProvider.PostgreSQL), IPostgresTests;
