using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Operations;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Staff;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>Alert cards in the operations channel, driven by the monitor with a fake clock; the log lines stay.</summary>
public sealed class AlertTests : IAsyncLifetime
{
    private const string OpsChannel = "19:it-operations@thread.tacv2";
    private HandoffHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await HandoffHost.StartAsync(new() { ["Operations:AlertChannelId"] = OpsChannel, ["Operations:RunMonitor"] = "false" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private OperationsMonitor Monitor => _host.Factory.Services.GetRequiredService<OperationsMonitor>();

    private List<JObject> OpsCards => _host.Connector.CreatedConversations
        .Where(c => c.Body!["channelData"]?["channel"]?["id"]?.ToString() == OpsChannel)
        .Select(c => (JObject)c.Body!["activity"]!["attachments"]![0]!["content"]!)
        .ToList();

    private List<string> AlertLogLines(string prefix) =>
        _host.Logs.GetSnapshot().Select(r => r.Message).Where(m => m.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Dead_letters_are_grouped_into_one_card_and_later_ones_wait_for_the_repeat_interval()
    {
        await _host.BindAsync();
        var cases = new List<CaseRecord>();
        for (var i = 0; i < 3; i++)
        {
            _host.Connector.ScriptedFailures.Enqueue(403);
            cases.Add(await _host.SubmitCaseAsync());
            await _host.DrainAsync();
        }

        await Monitor.RunOnceAsync();

        var card = Assert.Single(OpsCards).ToString();
        Assert.Contains("3 posts to Teams were given up", card);
        Assert.Contains("3 × forbidden-bot-removed (create-thread)", card);
        Assert.All(cases, c => Assert.Contains(c.Reference, card));
        Assert.Equal(3, AlertLogLines("ALERT outbox dead letter").Count);
        Assert.Single(AlertLogLines("ALERT dead-letter"));

        _host.Connector.ScriptedFailures.Enqueue(403);
        var later = await _host.SubmitCaseAsync();
        await _host.DrainAsync();
        await Monitor.RunOnceAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(30));
        await Monitor.RunOnceAsync();
        Assert.Single(OpsCards);

        _host.Clock.Advance(TimeSpan.FromMinutes(31));
        await Monitor.RunOnceAsync();
        await Monitor.RunOnceAsync();

        Assert.Equal(2, OpsCards.Count);
        var second = OpsCards[1].ToString();
        Assert.Contains("A post to Teams was given up", second);
        Assert.Contains(later.Reference, second);
        Assert.DoesNotContain(cases[0].Reference, second);
    }

    [Fact]
    public async Task An_outbox_item_older_than_the_threshold_raises_one_card_and_a_cleared_card_when_it_goes()
    {
        await _host.BindAsync();
        await _host.SubmitCaseAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(10));
        await Monitor.RunOnceAsync();
        Assert.Empty(OpsCards);

        _host.Clock.Advance(TimeSpan.FromMinutes(6));
        await Monitor.RunOnceAsync();
        await Monitor.RunOnceAsync();

        var card = Assert.Single(OpsCards).ToString();
        Assert.Contains("Posts to Teams are not going out", card);
        Assert.Contains("16 min", card);
        Assert.Single(AlertLogLines("ALERT outbox-stuck"));

        await _host.DrainAsync();
        await Monitor.RunOnceAsync();
        await Monitor.RunOnceAsync();

        Assert.Equal(2, OpsCards.Count);
        Assert.Contains("Cleared: Posts to Teams are going out again", OpsCards[1].ToString());
    }

    [Fact]
    public async Task Cases_waiting_in_a_queue_without_a_channel_raise_a_card_that_says_how_to_bind_it()
    {
        await _host.BindAsync(QueueNames.SocialWork);
        await _host.SubmitCaseAsync(queue: QueueNames.CareCoordination);
        await _host.SubmitCaseAsync(queue: QueueNames.CareCoordination);

        await Monitor.RunOnceAsync();
        await Monitor.RunOnceAsync();

        var card = Assert.Single(OpsCards).ToString();
        Assert.Contains("care-coordination", card);
        Assert.Contains("2 waiting", card);
        Assert.Contains("@SecondOpinionBot set queue care-coordination", card);
        Assert.DoesNotContain(Personas.MayaPhone, card);

        await _host.BindAsync(QueueNames.CareCoordination, TeamsActivities.CoordinationChannel);
        await Monitor.RunOnceAsync();

        Assert.Equal(2, OpsCards.Count);
        Assert.Contains("Cleared", OpsCards[1].ToString());
    }

    [Fact]
    public async Task Without_an_operations_channel_the_alert_is_the_log_line()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Operations:RunMonitor"] = "false" });
        await host.SubmitCaseAsync(queue: QueueNames.CareCoordination);

        await host.Factory.Services.GetRequiredService<OperationsMonitor>().RunOnceAsync();

        Assert.Empty(host.Connector.CreatedConversations);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.StartsWith("ALERT unbound-queue: Cases are waiting", StringComparison.Ordinal) && r.Message.Contains("care-coordination", StringComparison.Ordinal));
    }
}
