using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecondOpinionBot.Bot.Delivery;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Handoff;

/// <summary>Posting to Teams through the outbox when the Connector misbehaves, and across restarts.</summary>
public sealed class OutboxDeliveryTests
{
    /// <summary>The note on a card posted again after an interrupted post (staff.yaml `card.maybePostedEarlier`).</summary>
    private static string MaybePostedEarlier => Wording.Messages.Get(StaffMessageKeys.CardMaybePostedEarlier);

    [Fact]
    public async Task A_server_error_is_retried_later_with_backoff_and_the_thread_is_posted_once()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.SubmitCaseAsync();
        host.Connector.ScriptedFailures.Enqueue(503);

        await host.Processor.RunOnceAsync();
        Assert.Empty(host.Connector.CreatedConversations);
        Assert.Null((await host.CaseAsync(record.Reference)).StaffCardActivityId);

        await host.Processor.RunOnceAsync();
        Assert.Empty(host.Connector.CreatedConversations); // Not due yet: the backoff holds it.

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DrainAsync();

        Assert.Single(host.Connector.CreatedConversations);
        Assert.NotNull((await host.CaseAsync(record.Reference)).StaffCardActivityId);
        Assert.Equal(0, await host.Outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_429_waits_for_the_Retry_After_the_Connector_asked_for()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        await host.SubmitCaseAsync();
        host.Connector.RetryAfterSeconds = 120;
        host.Connector.ScriptedFailures.Enqueue(429);

        await host.Processor.RunOnceAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(110));
        await host.DrainAsync();
        Assert.Empty(host.Connector.CreatedConversations);

        host.Clock.Advance(TimeSpan.FromSeconds(11));
        await host.DrainAsync();
        Assert.Single(host.Connector.CreatedConversations);
    }

    [Fact]
    public async Task A_Retry_After_of_an_hour_waits_no_longer_than_MaxDelay()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:Outbox:MaxDelay"] = "00:10:00" });
        await host.BindAsync();
        await host.SubmitCaseAsync(priority: CasePriority.Urgent);
        host.Connector.RetryAfterSeconds = 3600;
        host.Connector.ScriptedFailures.Enqueue(429);

        await host.Processor.RunOnceAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await host.DrainAsync();

        Assert.Single(host.Connector.CreatedConversations);
    }

    [Fact]
    public async Task A_403_bot_removed_goes_to_the_dead_letter_list_with_one_alert_and_is_not_retried()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.SubmitCaseAsync();
        host.Connector.ScriptedFailures.Enqueue(403);
        var callsBefore = host.Connector.Calls.Count;

        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.DrainAsync();

        // One try at the thread, never again; the only other call tells the patient the case did not reach the team.
        Assert.Single(host.Connector.Calls.Skip(callsBefore), c => c.Path.TrimEnd('/') == "/v3/conversations");
        Assert.Single(host.Connector.TextsIn(HandoffHost.PatientConversationId));
        Assert.Equal(callsBefore + 2, host.Connector.Calls.Count);
        var letter = Assert.Single(await host.Outbox.ListDeadLettersAsync(CancellationToken.None));
        Assert.Equal(OutboxKind.CreateThread, letter.Kind);
        Assert.Equal(record.Reference, letter.Reference);
        Assert.Equal("forbidden-bot-removed", letter.Reason);
        var alert = Assert.Single(host.Logs.GetSnapshot(), l => l.Message.StartsWith("ALERT", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Critical, alert.Level);
        Assert.DoesNotContain("Maya", alert.Message);
        Assert.DoesNotContain(Personas.MayaPhone, alert.Message);
    }

    [Fact]
    public async Task A_case_for_an_unbound_queue_waits_for_the_queue_to_be_bound_and_then_posts_its_card()
    {
        await using var host = await HandoffHost.StartAsync();
        var record = await host.SubmitCaseAsync(queue: QueueNames.CareCoordination);
        await host.DrainAsync();
        Assert.Empty(host.Connector.CreatedConversations);

        await host.BindAsync(QueueNames.CareCoordination, TeamsActivities.CoordinationChannel);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DrainAsync();

        Assert.Single(host.Connector.CreatedConversations);
        Assert.NotNull((await host.CaseAsync(record.Reference)).StaffCardActivityId);
        Assert.Empty(await host.Outbox.ListDeadLettersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_case_for_a_queue_that_stays_unbound_is_given_up_after_the_last_attempt_not_retried_forever()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:Outbox:MaxAttempts"] = "3" });
        await host.SubmitCaseAsync(queue: QueueNames.CareCoordination);

        for (var pass = 0; pass < 5; pass++)
        {
            await host.DrainAsync();
            host.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal("attempts-exhausted:queue-unbound", Assert.Single(await host.Outbox.ListDeadLettersAsync(CancellationToken.None)).Reason);
        Assert.Empty(host.Connector.CreatedConversations);
    }

    [Fact]
    public async Task Handing_off_the_same_case_twice_posts_one_thread()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.SubmitCaseAsync();
        await ((IHandoffService)host.Factory.Services.GetService(typeof(IHandoffService))!).SubmitAsync(record, CancellationToken.None);

        await host.DrainAsync();

        Assert.Single(host.Connector.CreatedConversations);
    }

    [Fact]
    public async Task A_crash_before_the_post_is_posted_exactly_once_by_the_next_instance()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        using var folder = new TemporaryFolder();
        var database = Path.Combine(folder.Path, "shared.db");
        string reference;
        await using (var first = await HandoffHost.StartAsync(databasePath: database, connector: connector))
        {
            await first.BindAsync();
            reference = (await first.SubmitCaseAsync()).Reference;
        }

        await using var second = await HandoffHost.StartAsync(databasePath: database, connector: connector);
        await second.DrainAsync();
        await second.DrainAsync();

        Assert.Single(connector.CreatedConversations);
        Assert.NotNull((await second.CaseAsync(reference)).StaffCardActivityId);
    }

    [Fact]
    public async Task An_item_leased_by_an_instance_that_died_is_sent_once_after_its_lease_expires()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        using var folder = new TemporaryFolder();
        var database = Path.Combine(folder.Path, "shared.db");
        await SubmitAndDieHoldingTheLeaseAsync(database, connector, startedSending: false);

        await using var second = await HandoffHost.StartAsync(databasePath: database, connector: connector);
        await second.DrainAsync();
        Assert.Empty(connector.CreatedConversations); // Still leased by the first instance.

        second.Clock.Advance(TimeSpan.FromMinutes(2));
        await second.DrainAsync();
        await second.DrainAsync();
        Assert.Single(connector.CreatedConversations);
    }

    [Fact]
    public async Task A_crash_after_the_attempt_was_recorded_posts_again_with_a_line_saying_it_may_have_been_posted_earlier()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        using var folder = new TemporaryFolder();
        var database = Path.Combine(folder.Path, "shared.db");
        // Killed after recording the attempt: the post may or may not have reached Teams.
        var reference = await SubmitAndDieHoldingTheLeaseAsync(database, connector, startedSending: true);

        await using var second = await HandoffHost.StartAsync(databasePath: database, connector: connector);
        second.Clock.Advance(TimeSpan.FromMinutes(2));
        await second.DrainAsync();
        await second.DrainAsync();

        var thread = Assert.Single(connector.CreatedConversations);
        Assert.Contains(MaybePostedEarlier, CardOf(thread), StringComparison.Ordinal);
        var record = await second.CaseAsync(reference);
        Assert.Contains(MaybePostedEarlier, connector.TextsIn(record.StaffConversationId!));
    }

    [Fact]
    public async Task An_item_leased_by_a_stopped_process_of_this_machine_is_sent_at_once_by_the_restarted_one()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        using var folder = new TemporaryFolder();
        var database = Path.Combine(folder.Path, "shared.db");
        var stopped = Storage.StoppedProcessIds.Of();
        await using (var first = await HandoffHost.StartAsync(databasePath: database, connector: connector))
        {
            await first.BindAsync();
            await first.SubmitCaseAsync();
            var item = Assert.Single(await first.Outbox.LeaseDueAsync(stopped, 10, CancellationToken.None));
            Assert.True(await first.Outbox.MarkSendingAsync(item.Id, stopped, CancellationToken.None));
        }

        await using var second = await HandoffHost.StartAsync(databasePath: database, connector: connector);
        await second.DrainAsync(); // No clock advance: the one-minute lease has not run out.

        var thread = Assert.Single(connector.CreatedConversations);
        Assert.Contains(MaybePostedEarlier, CardOf(thread), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_that_died_before_recording_the_attempt_leaves_no_note_on_the_card()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        using var folder = new TemporaryFolder();
        var database = Path.Combine(folder.Path, "shared.db");
        await SubmitAndDieHoldingTheLeaseAsync(database, connector, startedSending: false);

        await using var second = await HandoffHost.StartAsync(databasePath: database, connector: connector);
        second.Clock.Advance(TimeSpan.FromMinutes(2));
        await second.DrainAsync();

        Assert.DoesNotContain(MaybePostedEarlier, CardOf(Assert.Single(connector.CreatedConversations)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503, false)]
    [InlineData(429, false)]
    [InlineData(504, true)]
    [InlineData(502, true)]
    public async Task After_a_failed_post_the_card_says_it_may_have_been_posted_earlier_only_when_the_failure_does_not_rule_it_out(int status, bool noted)
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        await host.SubmitCaseAsync();
        host.Connector.RetryAfterSeconds = 1;
        host.Connector.ScriptedFailures.Enqueue(status);

        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DrainAsync();

        var card = CardOf(Assert.Single(host.Connector.CreatedConversations));
        Assert.Equal(noted, card.Contains(MaybePostedEarlier, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_a_post_may_have_gone_through_a_later_clear_refusal_does_not_drop_the_note()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        await host.SubmitCaseAsync();
        host.Connector.RetryAfterSeconds = 1;
        host.Connector.ScriptedFailures.Enqueue(504);
        host.Connector.ScriptedFailures.Enqueue(429);

        for (var pass = 0; pass < 3; pass++)
        {
            await host.DrainAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Contains(MaybePostedEarlier, CardOf(Assert.Single(host.Connector.CreatedConversations)), StringComparison.Ordinal);
    }


    /// <summary>
    /// An instance that binds the queue, takes a case, leases its card post and is gone (with the attempt recorded when
    /// <paramref name="startedSending"/>); returns the case's reference.
    /// </summary>
    private static async Task<string> SubmitAndDieHoldingTheLeaseAsync(string database, FakeBotConnector connector, bool startedSending)
    {
        await using var first = await HandoffHost.StartAsync(databasePath: database, connector: connector);
        await first.BindAsync();
        var reference = (await first.SubmitCaseAsync()).Reference;
        var item = Assert.Single(await first.Outbox.LeaseDueAsync("instance-that-dies", 10, CancellationToken.None));
        if (startedSending)
        {
            Assert.True(await first.Outbox.MarkSendingAsync(item.Id, "instance-that-dies", CancellationToken.None));
        }

        return reference;
    }
    private static string CardOf(ConnectorCall createConversation) =>
        createConversation.Body!["activity"]!["attachments"]![0]!["content"]!.ToString(Newtonsoft.Json.Formatting.None);

    [Fact]
    public async Task A_notice_to_a_patient_in_Teams_goes_to_their_personal_chat()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var teamsReference = Newtonsoft.Json.JsonConvert.SerializeObject(new
        {
            channelId = "msteams",
            serviceUrl = host.ServiceUrl,
            conversation = new { id = "a:personal-maya", conversationType = "personal", tenantId = TeamsActivities.Tenant },
            bot = new { id = "28:bot" },
            user = new { id = "29:maya" },
        });
        var record = await host.SubmitCaseAsync(priority: CasePriority.Urgent, patientConversation: teamsReference);
        await host.DrainAsync();
        record = await host.CaseAsync(record.Reference);

        await host.InvokeAsync(TeamsActivities.Invoke(host.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), TeamsActivities.SocialWorkChannel, conversationId: record.StaffConversationId));
        await host.DrainAsync();

        var notice = Assert.Single(host.Connector.TextsIn("a:personal-maya"));
        Assert.Equal($"Good news. Ana, a social worker, has your case {record.Reference}. They will contact you by phone as soon as they can, most often the same day.", notice);
    }

    [Fact]
    public async Task A_patient_who_erased_their_data_is_not_contacted()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.PostCaseAsync();
        await host.InvokeAsync(TeamsActivities.Invoke(host.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), TeamsActivities.SocialWorkChannel, conversationId: record.StaffConversationId));

        await host.Cases.ErasePersonalDataAsync("webchat:patient-1", CancellationToken.None);
        await host.DrainAsync();

        Assert.Empty(host.Connector.TextsIn(HandoffHost.PatientConversationId));
        Assert.Empty(await host.Outbox.ListDeadLettersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_a_failing_item_goes_to_the_dead_letter_list()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:Outbox:MaxAttempts"] = "2" });
        await host.BindAsync();
        await host.SubmitCaseAsync();
        host.Connector.ScriptedFailures.Enqueue(500);
        host.Connector.ScriptedFailures.Enqueue(500);

        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DrainAsync();

        // No case thread: the channel's only new post is the failed-delivery card about it.
        var post = Assert.Single(host.Connector.CreatedConversations);
        var words = host.Factory.Services.GetRequiredService<FailedDeliveryWords>();
        Assert.Contains(words.What(OutboxKind.CreateThread), post.Body!["activity"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("attempts-exhausted:http-500", Assert.Single(await host.Outbox.ListDeadLettersAsync(CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task With_the_worker_running_a_submitted_case_reaches_the_channel_without_anyone_draining()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:Outbox:RunWorker"] = "true", ["Handoff:Outbox:PollInterval"] = "00:00:00.200" });
        await host.BindAsync();

        var record = await host.SubmitCaseAsync();

        Assert.True(await host.Connector.WaitForAsync(() => host.Connector.CreatedConversations.Count > 0), "the worker never posted the card");
        Assert.Single(host.Connector.CreatedConversations);
        Assert.Contains(record.Reference, host.Connector.CreatedConversations[0].Body!.ToString());
    }

    [Fact]
    public async Task After_the_patient_erases_their_data_a_refresh_shows_the_case_withdrawn_without_their_name()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.SubmitCaseAsync();
        await host.DrainAsync();

        await host.Cases.ErasePersonalDataAsync("webchat:patient-1", CancellationToken.None);
        await ((IHandoffService)host.Factory.Services.GetService(typeof(IHandoffService))!).RefreshStaffCardAsync(record.Reference, CancellationToken.None);
        await host.DrainAsync();

        var card = Assert.Single(host.Connector.Updates).Body!.ToString();
        Assert.True(Wording.Says(card, StaffMessageKeys.CardStatusWithdrawn));
        Assert.DoesNotContain("Maya", card);
        Assert.DoesNotContain("Action.Execute", card);
    }
}
