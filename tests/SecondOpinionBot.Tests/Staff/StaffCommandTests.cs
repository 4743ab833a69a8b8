using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

public sealed class StaffCommandTests : IAsyncLifetime
{
    private HandoffHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await HandoffHost.StartAsync();
        await _host.BindAsync();
        await _host.BindAsync(QueueNames.CareCoordination, TeamsActivities.CoordinationChannel);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<IReadOnlyList<ConnectorCallText>> SayAsync(string text, string channel)
    {
        var before = _host.Connector.Calls.Count;
        await _host.SendAsync(TeamsActivities.ChannelMessage(_host.ServiceUrl, text, channel));
        return _host.Connector.Calls.Skip(before).Select(c => new ConnectorCallText(c.Body?["text"]?.ToString(), c.Body?["attachments"] as JArray)).ToList();
    }

    private sealed record ConnectorCallText(string? Text, JArray? Attachments);

    [Fact]
    public async Task Adding_the_bot_to_a_team_says_once_in_the_channel_how_to_choose_it_for_a_queue()
    {
        var installed = TeamsActivities.ChannelMessage(_host.ServiceUrl, "", TeamsActivities.CoordinationChannel);
        installed["type"] = "conversationUpdate";
        installed.Remove("text");
        installed["membersAdded"] = new JArray(new JObject { ["id"] = installed["recipient"]!["id"]!.ToString() });
        var before = _host.Connector.Calls.Count;

        await _host.SendAsync(installed);

        var said = Assert.Single(_host.Connector.Calls.Skip(before)).Body?["text"]?.ToString();
        Assert.Equal(Wording.Messages.Get(StaffMessageKeys.CommandsInstalled), said);
    }

    [Fact]
    public async Task Queue_lists_this_channels_open_cases_most_urgent_first_then_oldest()
    {
        var oldRoutine = await _host.SubmitCaseAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(30));
        var newerUrgent = await _host.SubmitCaseAsync(priority: CasePriority.Urgent);
        _host.Clock.Advance(TimeSpan.FromMinutes(30));
        var newestRoutine = await _host.SubmitCaseAsync();
        var otherQueue = await _host.SubmitCaseAsync(queue: QueueNames.CareCoordination);

        var reply = Assert.Single(await SayAsync("queue", TeamsActivities.SocialWorkChannel)).Text!;

        Assert.StartsWith(Wording.Messages.Format(StaffMessageKeys.CommandsListHeadingMany, ("queueName", Wording.Messages.Get(StaffMessageKeys.QueuesSocialWork)), ("count", "3")), reply);
        var order = new[] { newerUrgent, oldRoutine, newestRoutine }.Select(c => reply.IndexOf(c.Reference, StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains($"{oldRoutine.Reference} · routine · waiting {Wording.Messages.Format(StaffMessageKeys.WordsWaitedHours, ("hours", "1"), ("minutes", "0"))} · new", reply);
        Assert.DoesNotContain(otherQueue.Reference, reply);
        Assert.DoesNotContain(Personas.MayaPhone, reply);
    }

    [Fact]
    public async Task Queue_in_a_channel_without_a_queue_says_how_to_set_one()
    {
        var reply = Assert.Single(await SayAsync("queue", "19:random@thread.tacv2")).Text!;

        Assert.True(Wording.Says(reply, StaffMessageKeys.CommandsNotSetUp), reply);
    }

    [Fact]
    public async Task Case_shows_the_card_only_in_the_channel_of_the_cases_queue()
    {
        var record = await _host.SubmitCaseAsync();

        var here = Assert.Single(await SayAsync($"case {record.Reference.ToLowerInvariant()}", TeamsActivities.SocialWorkChannel));
        var elsewhere = Assert.Single(await SayAsync($"case {record.Reference}", TeamsActivities.CoordinationChannel));
        var missing = Assert.Single(await SayAsync("case SO-ZZZZ", TeamsActivities.SocialWorkChannel));

        var card = here.Attachments![0]!["content"]!;
        Assert.Contains($"{record.Reference} · Social work", card.ToString());
        Assert.Equal("case.claim", card["actions"]![0]!["verb"]!.ToString());
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.UnknownCase), elsewhere.Text);
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.UnknownCase), missing.Text);
    }

    [Fact]
    public async Task Anything_else_in_a_team_channel_gets_the_staff_help_not_the_patient_journey()
    {
        var reply = Assert.Single(await SayAsync("hello there", TeamsActivities.SocialWorkChannel)).Text!;

        Assert.True(Wording.Says(reply, StaffMessageKeys.CommandsHelp), reply);
        Assert.False(Wording.Says(reply, MessageKeys.WelcomeIntro), reply);
    }

    [Fact]
    public async Task Team_commands_from_another_tenant_are_refused()
    {
        await _host.SubmitCaseAsync();
        var before = _host.Connector.Calls.Count;

        await _host.SendAsync(TeamsActivities.ChannelMessage(_host.ServiceUrl, "queue", TeamsActivities.SocialWorkChannel, tenant: "tenant-elsewhere"));

        var reply = Assert.Single(_host.Connector.Calls.Skip(before)).Body!["text"]!.ToString();
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.WrongTenant), reply);
    }

    [Fact]
    public async Task Staff_commands_in_a_group_chat_point_to_a_team_channel()
    {
        var groupChat = TeamsActivities.ChannelMessage(_host.ServiceUrl, "set queue social-work", "ignored");
        groupChat["conversation"] = new JObject { ["id"] = "19:group@thread.v2", ["conversationType"] = "groupChat", ["isGroup"] = true };
        groupChat["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = TeamsActivities.Tenant } };
        var before = _host.Connector.Calls.Count;

        await _host.SendAsync(groupChat);

        var reply = Assert.Single(_host.Connector.Calls.Skip(before)).Body!["text"]!.ToString();
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotTeamChannel), reply);
    }
}
