using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Operations.Alerts;
using SecondOpinionBot.Operations.Funnel;
using SecondOpinionBot.Operations.Telemetry;
using SecondOpinionBot.Operations;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>The monitor's reads, the alert state's compare-and-set, the funnel and the pseudonym key on both providers.</summary>
public abstract class OperationsSqlContract(StorageProvider provider) : IDisposable
{
    private readonly TestDatabase _db = new(provider, new CaseSchema(), new HandoffSchema(), new OperationsSchema(), new BotStateSchema());
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [StorageFact]
    public async Task The_snapshot_counts_waiting_and_overdue_cases_and_the_outbox()
    {
        var cases = new SqliteCaseStore(_db.Database, _clock, _db.Protector);
        await cases.CreateAsync(new NewCase("webchat:u1", QueueNames.SocialWork, null, CasePriority.Urgent, null, Personas.Maya().ToCaseDetails()), CancellationToken.None);
        using var signal = new OutboxSignal();
        await new SqliteOutbox(_db.Database, _clock, MsOptions.Create(new HandoffOptions()), signal)
            .EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload("SO-AAAA"), null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(2));

        var snapshot = await new OperationsQueries(_db.Database, MsOptions.Create(new OperationsOptions()), _clock).SnapshotAsync(CancellationToken.None);

        Assert.Equal(1, snapshot.OutboxDepth);
        Assert.Equal(TimeSpan.FromDays(2), snapshot.OldestPendingAge);
        Assert.Equal(1, snapshot.WaitingByQueue[QueueNames.SocialWork]);
        Assert.Equal(1, snapshot.OverdueByQueue[QueueNames.SocialWork]);
        Assert.Equal(1, snapshot.WaitingInUnboundQueues[QueueNames.SocialWork]);
    }

    [StorageFact]
    public async Task Alert_state_moves_only_from_what_was_seen()
    {
        var state = new AlertState(_db.Database);
        var seen = await state.GetAsync("outbox-stuck", CancellationToken.None);
        Assert.Equal(new AlertStatus(null, 0, false), seen);

        var posted = new AlertStatus(_clock.GetUtcNow(), 3, true);
        Assert.True(await state.TryMoveAsync("outbox-stuck", seen, posted, CancellationToken.None));
        Assert.False(await state.TryMoveAsync("outbox-stuck", seen, new AlertStatus(null, 9, false), CancellationToken.None));
        Assert.True(await state.TryMoveAsync("outbox-stuck", posted, posted with { Active = false }, CancellationToken.None));
        Assert.Equal(posted with { Active = false }, await state.GetAsync("outbox-stuck", CancellationToken.None));
    }

    [StorageFact]
    public async Task The_funnel_reads_cases_and_journeys_and_the_pseudonym_key_is_made_once()
    {
        var cases = new SqliteCaseStore(_db.Database, _clock, _db.Protector);
        var record = await cases.CreateAsync(new NewCase("webchat:u1", QueueNames.SocialWork, null, CasePriority.Routine, null, Personas.Maya().ToCaseDetails()), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await cases.TryTransitionAsync(record.Reference, CaseStatus.New, CaseStatus.Claimed, new CaseActor("aad-ana", "Ana"), null, CancellationToken.None);

        await using var connection = await _db.Database.OpenAsync();
        var report = await FunnelReader.ReadAsync(connection, _clock.GetUtcNow(), 30, new OperationsOptions(), CancellationToken.None);
        Assert.Single(report.Cases);
        Assert.Equal(TimeSpan.FromMinutes(30), report.Claims.Single(c => c.Priority == "routine").Median);

        var first = await new Pseudonyms(_db.Database).HashAsync("webchat:u1");
        Assert.Equal(first, await new Pseudonyms(_db.Database).HashAsync("webchat:u1"));
    }
}

public sealed class OperationsSqlOnSqlite() : OperationsSqlContract(StorageProvider.Sqlite);

public sealed class OperationsSqlOnPostgres() : OperationsSqlContract(StorageProvider.PostgreSQL), IPostgresTests;
