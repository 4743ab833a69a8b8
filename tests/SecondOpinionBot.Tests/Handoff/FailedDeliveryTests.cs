using SecondOpinionBot.Content;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Handoff;

/// <summary>
/// What people see when a delivery is given up: the patient whose case never reached the team is told whom to call,
/// the queue's channel gets a card, and staff can list them with "failed deliveries" (checked on the server).
/// </summary>
public sealed class FailedDeliveryTests
{
    private const string FallbackPhone = "555 0100 200";

    private static readonly StaffText Text = new(Content.ContentFixture.Catalogs);

    private static readonly FailedDeliveryWords Words = new(Text);

    private static Task<HandoffHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        // One attempt: a case for an unbound queue is given up at once instead of after half an hour of retries.
        var all = new Dictionary<string, string?> { ["Handoff:FallbackPhone"] = FallbackPhone, ["Handoff:Outbox:MaxAttempts"] = "1" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return HandoffHost.StartAsync(all);
    }

    [Fact]
    public async Task A_patient_whose_case_could_not_reach_the_team_is_told_to_call_the_fallback_number_with_their_reference()
    {
        await using var host = await StartAsync();
        var record = await host.SubmitCaseAsync(queue: QueueNames.CareCoordination); // No channel for that queue.

        await host.DrainAsync();
        await host.DrainAsync();

        var notice = Assert.Single(host.Connector.TextsIn(HandoffHost.PatientConversationId));
        Assert.Equal(host.Factory.Services.GetRequiredService<PatientMessages>().Undelivered(record, FallbackPhone, "en-US"), notice);
        Assert.Contains(FallbackPhone, notice, StringComparison.Ordinal);
        Assert.Contains(record.Reference, notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_someone_claimed_while_its_queue_had_no_channel_is_given_up_without_telling_the_patient_it_never_arrived()
    {
        // Worked on the local staff page while no Teams channel was bound: the card's post is given up, but the case
        // reached a person, so the patient is not told to call instead.
        await using var host = await StartAsync(new() { ["Handoff:Outbox:MaxAttempts"] = "2" });
        var record = await host.SubmitCaseAsync(queue: QueueNames.CareCoordination);
        await host.DrainAsync();
        var claimed = await host.Cases.TryTransitionAsync(record.Reference, CaseStatus.New, CaseStatus.Claimed, new CaseActor("local:ana", "Ana"), null, CancellationToken.None);
        Assert.True(claimed.Succeeded);

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DrainAsync();
        await host.DrainAsync();

        Assert.Equal("attempts-exhausted:queue-unbound", Assert.Single(await host.Outbox.ListDeadLettersAsync(CancellationToken.None)).Reason);
        var undelivered = host.Factory.Services.GetRequiredService<PatientMessages>().Undelivered(record, FallbackPhone, "en-US");
        Assert.DoesNotContain(undelivered, host.Connector.TextsIn(HandoffHost.PatientConversationId));
    }

    [Fact]
    public async Task Without_a_fallback_number_the_patient_is_asked_to_call_their_clinic_and_is_told_only_once()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.SubmitCaseAsync();
        host.Connector.ScriptedFailures.Enqueue(403);

        await host.DrainAsync();
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.DrainAsync();

        var notice = Assert.Single(host.Connector.TextsIn(HandoffHost.PatientConversationId));
        Assert.Equal(host.Factory.Services.GetRequiredService<PatientMessages>().Undelivered(record, null, "en-US"), notice);
        Assert.Contains(record.Reference, notice, StringComparison.Ordinal);
        Assert.DoesNotContain(FallbackPhone, notice, StringComparison.Ordinal);
        // The bot was removed from that team: no card is tried there.
        Assert.Empty(host.Connector.CreatedConversations);
    }

    [Fact]
    public async Task A_card_update_that_Teams_refuses_for_good_puts_a_failed_delivery_card_in_the_queue_channel_without_patient_data()
    {
        await using var host = await StartAsync();
        await host.BindAsync();
        var record = await host.PostCaseAsync();
        await host.InvokeAsync(TeamsActivities.Invoke(host.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), TeamsActivities.SocialWorkChannel, conversationId: record.StaffConversationId));
        host.Connector.ScriptedFailures.Enqueue(404); // Someone deleted the thread.

        await host.DrainAsync();
        await host.DrainAsync();

        var posts = host.Connector.CreatedConversations;
        Assert.Equal(2, posts.Count); // The case thread, then the failed-delivery card.
        var card = posts[1].Body!["activity"]!["attachments"]![0]!["content"]!.ToString();
        Assert.Equal(TeamsActivities.SocialWorkChannel, posts[1].Body!["channelData"]!["channel"]!["id"]!.ToString());
        Assert.Contains(record.Reference, card, StringComparison.Ordinal);
        Assert.Contains(Words.What(OutboxKind.UpdateCard), card, StringComparison.Ordinal);
        Assert.Contains(Words.Why("conversation-gone"), card, StringComparison.Ordinal);
        Assert.DoesNotContain("Maya", card, StringComparison.Ordinal);
        Assert.DoesNotContain(Personas.MayaPhone, card, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Connector.TextsIn(HandoffHost.PatientConversationId), t => t.Contains(FallbackPhone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_deliveries_lists_this_channels_queue_only_and_is_refused_outside_a_bound_channel()
    {
        await using var host = await StartAsync();
        await host.BindAsync();
        var coordination = await host.SubmitCaseAsync(queue: QueueNames.CareCoordination); // Unbound: dead letter.
        var socialWork = await host.SubmitCaseAsync();
        host.Connector.ScriptedFailures.Enqueue(400);
        await host.DrainAsync();
        await host.DrainAsync();

        var here = await SayAsync(host, "failed deliveries", TeamsActivities.SocialWorkChannel);
        var elsewhere = await SayAsync(host, "failed deliveries", "19:random@thread.tacv2");
        var otherTenant = await SayAsync(host, "failed deliveries", TeamsActivities.SocialWorkChannel, tenant: "tenant-elsewhere");

        Assert.StartsWith(Text.Get(StaffMessageKeys.FailedDeliveriesHeading, ("scope", Text.QueueInSentence(QueueNames.SocialWork)), ("count", "1")), here, StringComparison.Ordinal);
        Assert.Contains(socialWork.Reference, here, StringComparison.Ordinal);
        Assert.Contains(Words.Why("rejected-bad-request"), here, StringComparison.Ordinal);
        Assert.DoesNotContain(coordination.Reference, here, StringComparison.Ordinal);
        Assert.DoesNotContain(socialWork.Reference, elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain(socialWork.Reference, otherTenant, StringComparison.Ordinal);
        Assert.DoesNotContain("Maya", here, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queue_admin_sees_every_queues_failed_deliveries_from_any_channel_of_the_tenant()
    {
        await using var host = await StartAsync(new() { ["Handoff:AdminUserObjectIds:0"] = TeamsActivities.Ben.AadObjectId });
        await host.BindAsync();
        var coordination = await host.SubmitCaseAsync(queue: QueueNames.CareCoordination);
        await host.DrainAsync();

        var admin = await SayAsync(host, "failed deliveries", "19:it-team@thread.tacv2", TeamsActivities.Ben);
        var member = await SayAsync(host, "failed deliveries", TeamsActivities.SocialWorkChannel);

        Assert.StartsWith(Text.Get(StaffMessageKeys.FailedDeliveriesHeading, ("scope", Text.Get(StaffMessageKeys.FailedDeliveriesAllQueues)), ("count", "1")), admin, StringComparison.Ordinal);
        Assert.Contains(coordination.Reference, admin, StringComparison.Ordinal);
        Assert.Contains(Words.Why("attempts-exhausted:queue-unbound"), admin, StringComparison.Ordinal);
        Assert.Equal(Text.Get(StaffMessageKeys.FailedDeliveriesNone, ("scope", Text.QueueInSentence(QueueNames.SocialWork))), member);
    }

    [Fact]
    public void Reasons_are_told_in_plain_words_and_giving_up_says_so()
    {
        Assert.Equal(Text.Get(StaffMessageKeys.FailedDeliveriesWhyForbiddenBotRemoved), Words.Why("forbidden-bot-removed"));
        Assert.Equal(
            Text.Get(StaffMessageKeys.FailedDeliveriesWhyGaveUp, ("why", Text.Get(StaffMessageKeys.FailedDeliveriesWhyServerError))),
            Words.Why("attempts-exhausted:http-503"));
        Assert.Contains("something-new", Words.Why("something-new"), StringComparison.Ordinal);
        Assert.All(Enum.GetValues<OutboxKind>(), kind => Assert.False(string.IsNullOrWhiteSpace(Words.What(kind))));
    }

    private static async Task<string> SayAsync(HandoffHost host, string text, string channel, StaffMember? from = null, string tenant = TeamsActivities.Tenant)
    {
        var before = host.Connector.Calls.Count;
        (await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, text, channel, from, tenant))).EnsureSuccessStatusCode();
        return Assert.Single(host.Connector.Calls.Skip(before), c => c.Method == "POST" && c.Body?["type"]?.ToString() == "message").Body!["text"]!.ToString();
    }
}
