using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Storage.Turns;
using SecondOpinionBot.Tests.Handoff;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>
/// Under load another writer can hold the SQLite file past a turn's busy timeout. That is not a failure of the turn:
/// the staff member must not be told "something went wrong" for a turn that then succeeds on the resend, the case
/// thread must not get the apology for a notice the outbox sends later, and nothing may be lost or done twice.
/// </summary>
public sealed class BusyDatabaseTurnTests
{
    [Fact]
    public async Task A_channel_command_while_another_writer_holds_the_database_is_refused_for_a_resend_without_an_apology_and_the_resend_does_it_once()
    {
        // A short busy timeout so the held lock outlasts it at once; the lock is real, held by a second connection.
        await using var host = await HandoffHost.StartAsync(new() { ["Storage:BusyTimeoutMilliseconds"] = "100" });
        await host.BindAsync();
        var record = await host.PostCaseAsync();
        var note = TeamsActivities.ChannelMessage(host.ServiceUrl, $"note {record.Reference} Called the clinic, records come Tuesday", TeamsActivities.SocialWorkChannel, TeamsActivities.Ana);
        var before = host.Connector.TextsIn(TeamsActivities.SocialWorkChannel).Count;

        HttpResponseMessage refused;
        await using (var writer = new SqliteConnection($"Data Source={host.Factory.DatabasePath}"))
        {
            await writer.OpenAsync();
            await using var locked = writer.BeginTransaction(deferred: false);
            refused = await host.SendAsync(note);
        }

        var resent = await host.SendAsync(note);
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(resent.IsSuccessStatusCode);
        Assert.Equal([StaffWording.Get(StaffMessageKeys.WorkNoteSaved)], host.Connector.TextsIn(TeamsActivities.SocialWorkChannel).Skip(before));
        var stored = await host.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(record.Id, CancellationToken.None);
        Assert.Equal(MessageDirection.StaffNote, Assert.Single(stored).Direction);
        Assert.Equal([StaffWording.Get(StaffMessageKeys.WorkNoteLine, ("by", "Ana"))], host.Connector.TextsIn(record.StaffConversationId!));
    }

    [Fact]
    public async Task A_thread_notice_whose_send_meets_a_locked_database_is_retried_by_the_outbox_and_no_apology_reaches_the_thread()
    {
        var locks = new LockedOnce();
        await using var host = await HandoffHost.StartAsync(services: services =>
            services.AddSingleton<ITurnLease>(sp => locks.Around(sp.GetRequiredService<TurnLease>())));
        await host.BindAsync();
        var record = await host.PostCaseAsync();
        (await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, $"note {record.Reference} left a voicemail", TeamsActivities.SocialWorkChannel, TeamsActivities.Ana))).EnsureSuccessStatusCode();

        locks.Arm(record.StaffConversationId!);
        await host.DrainAsync();
        Assert.True(locks.Fired);
        Assert.Empty(host.Connector.TextsIn(record.StaffConversationId!));

        host.Clock.Advance(TimeSpan.FromMinutes(11)); // past the outbox's longest backoff
        await host.DrainAsync();
        Assert.Equal([StaffWording.Get(StaffMessageKeys.WorkNoteLine, ("by", "Ana"))], host.Connector.TextsIn(record.StaffConversationId!));
    }

    /// <summary>
    /// The turn lease, except that the next turn of the armed conversation meets the error SQLite gives when another
    /// writer held the file past the busy timeout (what the lease's first write, the ticket, would get).
    /// </summary>
    private sealed class LockedOnce
    {
        private string? _armed;

        public bool Fired { get; private set; }

        public void Arm(string conversationId) => Volatile.Write(ref _armed, conversationId);

        public ITurnLease Around(ITurnLease lease) => new Lease(this, lease);

        private sealed class Lease(LockedOnce owner, ITurnLease inner) : ITurnLease
        {
            public string InstanceId => inner.InstanceId;

            public Task<HeldTurnLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
            {
                if (Volatile.Read(ref owner._armed) is { } armed && conversationKey.EndsWith("/" + armed, StringComparison.Ordinal)
                    && Interlocked.CompareExchange(ref owner._armed, null, armed) == armed)
                {
                    owner.Fired = true;
                    throw new SqliteException("SQLite Error 5: 'database is locked'.", 5, 5);
                }

                return inner.AcquireAsync(conversationKey, cancellationToken);
            }
        }
    }
}
