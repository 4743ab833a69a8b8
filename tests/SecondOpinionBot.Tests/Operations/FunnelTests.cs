using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Operations;
using SecondOpinionBot.Operations.Funnel;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>
/// Four scripted patients a minute per message on a fake clock: two send a case (one after an emergency, so urgent), one
/// stops at the records checklist and never returns, one says no to saving answers. Staff claim the routine case two
/// hours later. The report (command, page and reader alike) must tell exactly that, and nothing a patient said.
/// </summary>
public sealed class FunnelTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private BotAppFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new BotAppFactory(
            new() { ["Operations:RunMonitor"] = "false", ["Handoff:Outbox:RunWorker"] = "false", ["Handoff:TenantId"] = TeamsActivities.Tenant },
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                WebChatPatient.InMemory(services);
            });

        await using (var first = await JourneyChat.StartAsync(userId: "f-first", factory: _factory))
        {
            var summary = await AnsweringScript.CompleteJourneyAsync(Slowly(first, first.SayAsync));
            await first.SubmitAsync(AnsweringScript.ConfirmPayload(AnsweringScript.SummaryCard(summary)!));
            using var staff = _factory.CreateClient();
            first.Connector.AddTeamMember(TeamsActivities.Team, "29:" + TeamsActivities.Ana.AadObjectId, TeamsActivities.Ana.AadObjectId, TeamsActivities.Ana.Name);
            (await staff.PostAsync(TeamsActivities.ChannelMessage(first.Connector.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
            (await staff.PostAsync(TeamsActivities.ChannelMessage(first.Connector.ServiceUrl, "set queue care-coordination", TeamsActivities.CoordinationChannel))).EnsureSuccessStatusCode();
            await _factory.Services.GetRequiredService<OutboxProcessor>().DrainAsync();
            _clock.Advance(TimeSpan.FromHours(2));
            var record = (await _factory.Services.GetRequiredService<ICaseStore>().FindLatestForOwnerAsync("webchat:f-first", CancellationToken.None))!;
            var channel = record.Queue == QueueNames.SocialWork ? TeamsActivities.SocialWorkChannel : TeamsActivities.CoordinationChannel;
            (await staff.PostAsync(TeamsActivities.Invoke(first.Connector.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), channel, conversationId: record.StaffConversationId))).EnsureSuccessStatusCode();
            Assert.Equal(CaseStatus.Claimed, (await _factory.Services.GetRequiredService<ICaseStore>().FindAsync(record.Reference, CancellationToken.None))!.Status);
        }

        await using (var second = await JourneyChat.StartAsync(userId: "f-second", factory: _factory))
        {
            var told = false;
            var say = Slowly(second, second.SayAsync);
            var summary = await AnsweringScript.CompleteJourneyAsync(async text =>
            {
                if (!told && text == "Riverside Clinic")
                {
                    told = true;
                    await say("I can't breathe");
                    await say("continue");
                }

                return await say(text);
            }, new ScriptedAnswers { Caregiver = true });
            await second.SubmitAsync(AnsweringScript.ConfirmPayload(AnsweringScript.SummaryCard(summary)!));
        }

        await using (var third = await JourneyChat.StartAsync(userId: "f-third", factory: _factory))
        {
            var say = Slowly(third, third.SayAsync);
            var turn = await say("hi");
            foreach (var line in ShortJourney.Consent.Concat(ShortJourney.AsPatient).Concat(ShortJourney.Situation(Sentinels.Diagnosis)).Concat(ShortJourney.RestToSummary.Take(5)))
            {
                Assert.True(line.Expect.IsIn(turn), turn.AllText);
                turn = line.Typed is not null ? await say(line.Typed) : await say(line.Picks[0]);
            }

            Assert.True(turn.NamesRecord("coverage-card"), turn.AllText);
        }

        await using (var fourth = await JourneyChat.StartAsync(userId: "f-fourth", factory: _factory))
        {
            var say = Slowly(fourth, fourth.SayAsync);
            await say("hi");
            Assert.True((await say("No, don't save")).Says(MessageKeys.WelcomeConsentNo));
        }

        _clock.Advance(TimeSpan.FromDays(4));
        await _factory.Services.GetRequiredService<OperationsMonitor>().RunOnceAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>Each message a minute after the one before, so every section takes time.</summary>
    private Func<string, Task<BotTurn>> Slowly(JourneyChat chat, Func<string, Task<BotTurn>> say) => text =>
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        return say(text);
    };

    private async Task<FunnelReport> ReadAsync()
    {
        await using var connection = await _factory.Services.GetRequiredService<SecondOpinionBot.Storage.BotDatabase>().OpenAsync();
        return await FunnelReader.ReadAsync(connection, _clock.GetUtcNow(), 30, _factory.Services.GetRequiredService<IOptions<OperationsOptions>>().Value, CancellationToken.None);
    }

    [Fact]
    public async Task The_report_counts_where_each_journey_got_to_and_where_the_others_stopped()
    {
        var report = await ReadAsync();
        var reached = report.Steps.ToDictionary(s => s.Step, s => s.Reached);

        Assert.Equal(4, report.Started);
        Assert.Equal(4, reached["welcome"]);
        Assert.Equal(3, reached["role"]);
        Assert.Equal(3, reached["records"]);
        Assert.Equal(2, reached["needs"]);
        Assert.Equal(2, reached["summary"]);
        Assert.Equal(2, reached["sent"]);
        Assert.Equal(2, report.Sent);
        Assert.Equal([new FunnelStop("welcome", "declined", 1), new FunnelStop("records", "abandoned", 1)], report.Stops);

        // One message answers the welcome; the records checklist takes one per record; the summary one "send".
        var median = report.Steps.ToDictionary(s => s.Step, s => s.MedianTime);
        Assert.Equal(TimeSpan.FromMinutes(1), median["welcome"]);
        Assert.True(median["records"] >= TimeSpan.FromMinutes(3), median["records"].ToString());
        Assert.Null(median["sent"]);
    }

    [Fact]
    public async Task The_report_counts_cases_by_queue_priority_and_status_and_the_time_to_claim()
    {
        var report = await ReadAsync();

        Assert.Equal(2, report.Cases.Sum(c => c.Cases));
        Assert.Equal(1, report.Cases.Where(c => c.Priority == "urgent").Sum(c => c.Cases));
        Assert.Single(report.Cases, c => c.Priority == "routine" && c.Status == "claimed");
        var routine = report.Claims.Single(c => c.Priority == "routine");
        Assert.Equal((1, 1, 1), (routine.Cases, routine.Claimed, routine.ClaimedWithinTarget));
        Assert.Equal(TimeSpan.FromHours(2), routine.Median);
        var urgent = report.Claims.Single(c => c.Priority == "urgent");
        Assert.Equal((1, 0, 1), (urgent.Cases, urgent.Claimed, urgent.WaitingPastTarget));
    }

    [Fact]
    public async Task The_report_command_prints_the_funnel_from_the_database_file()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await FunnelReportCommand.RunAsync(["funnel", "--days", "30", "--Storage:SqlitePath", _factory.DatabasePath], output, error, _clock);

        Assert.True(exit == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("Journeys started: 4; cases sent: 2 (50%)", text);
        Assert.Matches(@"records\s+3\s+75%", text);
        Assert.Matches(@"at records\s+abandoned\s+1", text);
        Assert.Contains("routine  1 of 1 claimed; median 2 h", text);
        Assert.DoesNotContain(Sentinels.Diagnosis, text);
        Assert.Equal(2, await FunnelReportCommand.RunAsync(["funnel", "--days", "0"], output, error));
        Assert.Equal(1, await FunnelReportCommand.RunAsync(["funnel", "--Storage:SqlitePath", Path.Combine(Path.GetTempPath(), "none", "missing.db")], output, error));
    }

    [Fact]
    public async Task The_ops_page_shows_the_funnel_as_a_bar_chart_to_this_machine_only()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync("/ops?days=30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        await File.WriteAllTextAsync(Channels.TestArtifacts.PathFor("ops-funnel.html"), page);
        Assert.Contains("<svg role=\"img\"", page);
        Assert.Contains("Journeys reaching each step: welcome 4, role 3", page);
        Assert.Contains("<rect class=\"bar sent\"", page);
        Assert.Contains("Time to claim", page);
        Assert.All(Sentinels.All, value => Assert.DoesNotContain(value, page, StringComparison.OrdinalIgnoreCase));

        await using var remote = new BotAppFactory();
        using var remoteClient = remote.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await remoteClient.GetAsync("/ops")).StatusCode);
        var configured = new Dictionary<string, string?>(ConfiguredBot.Settings);
        await using var configuredBot = new BotAppFactory(configured, WebChatPatient.InMemory);
        using var configuredClient = configuredBot.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await configuredClient.GetAsync("/ops")).StatusCode);
    }
}
