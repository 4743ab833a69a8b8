using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Operations;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>
/// Whole journeys through the real host with OpenTelemetry's in-memory exporters behind the host's own pipeline: what
/// an operator's collector would receive carries no patient data, and the metrics count what happened.
/// </summary>
[Collection(SerialTelemetryTests.Name)]
public sealed class TelemetryJourneyTests
{
    private const string UserId = "qzuser-7731";

    [Fact]
    public async Task A_whole_journey_with_sentinel_values_exports_no_patient_data_and_no_raw_ids()
    {
        var telemetry = new TelemetryCapture();
        var settings = TelemetryCapture.Settings;
        settings["Handoff:TenantId"] = TeamsActivities.Tenant;
        settings["Handoff:Outbox:RunWorker"] = "false";
        settings["PrepSheets:PublicBaseUrl"] = "https://bot.example.org";
        var factory = new BotAppFactory(settings, services =>
        {
            telemetry.AttachTo(services);
            WebChatPatient.InMemory(services);
        });
        await using var chat = await JourneyChat.StartAsync(userId: UserId, factory: factory);
        using var staff = factory.CreateClient();
        (await staff.PostAsync(TeamsActivities.ChannelMessage(chat.Connector.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
        (await staff.PostAsync(TeamsActivities.ChannelMessage(chat.Connector.ServiceUrl, "set queue care-coordination", TeamsActivities.CoordinationChannel))).EnsureSuccessStatusCode();

        await chat.SayAsync($"my name is {Sentinels.Name} and I can't breathe");
        await chat.SayAsync("continue");
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync(new ScriptedAnswers { Caregiver = true }))!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        await factory.Services.GetRequiredService<OutboxProcessor>().DrainAsync();
        var record = (await factory.Services.GetRequiredService<ICaseStore>().FindLatestForOwnerAsync("webchat:" + UserId, CancellationToken.None))!;
        var staffChannel = record.Queue == QueueNames.SocialWork ? TeamsActivities.SocialWorkChannel : TeamsActivities.CoordinationChannel;
        chat.Connector.AddTeamMember(TeamsActivities.Team, "29:" + TeamsActivities.Ana.AadObjectId, TeamsActivities.Ana.AadObjectId, TeamsActivities.Ana.Name);
        (await staff.PostAsync(TeamsActivities.Invoke(chat.Connector.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), staffChannel, conversationId: record.StaffConversationId))).EnsureSuccessStatusCode();
        await factory.Services.GetRequiredService<OutboxProcessor>().DrainAsync();
        await chat.SayAsync("status");
        await chat.SayAsync($"what do you know about me, {Sentinels.Email}?");
        await chat.SayAsync("delete my data");
        await chat.SayAsync("yes");
        // The same over the local Direct Line: conversation ids sit in its URL paths.
        var webChat = await WebChatPatient.OpenAsync(factory);
        await webChat.SayAsync("hi");
        await webChat.SayAsync("Yes, save my answers");
        await webChat.SayAsync("I'm helping someone");
        await webChat.SayAsync(Sentinels.Name);
        await factory.Services.GetRequiredService<OperationsMonitor>().RunOnceAsync();
        telemetry.Flush(factory.Services);

        // The capture saw the whole path: turns, storage, the lease, the outbox and the connector calls over HTTP.
        var names = telemetry.Spans.Select(s => s.OperationName).ToHashSet();
        Assert.Contains("bot.turn", names);
        Assert.Contains("storage.write", names);
        Assert.Contains("turn.lease", names);
        Assert.Contains("outbox.send", names);
        Assert.Contains(telemetry.Spans, s => s.Kind == System.Diagnostics.ActivityKind.Client && s.GetTagItem("url.full") is string url && url.Contains("/v3/conversations/{id}", StringComparison.Ordinal));
        Assert.Contains(telemetry.Spans, s => s.OperationName == "bot.turn" && s.GetTagItem("so.dialog.step") is string step && step.StartsWith("intake/", StringComparison.Ordinal));
        Assert.NotEmpty(telemetry.Metrics);

        var exported = telemetry.AllText();
        Assert.Contains(telemetry.Spans, s => s.GetTagItem("http.route") is "/v3/directline/conversations/{conversationId}/activities");
        var forbidden = Sentinels.All.Concat([UserId, chat.ConversationId, webChat.Conversation.Id, webChat.Conversation.Token, webChat.UserId!, record.StaffConversationId!, TeamsActivities.SocialWorkChannel, "Riverside Clinic", "weekly"]).ToArray();
        var hits = forbidden.Where(value => exported.Contains(value, StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(hits.Length == 0, $"Telemetry carries {string.Join(", ", hits)}:\n{exported}");
    }

    [Fact]
    public async Task Metrics_after_scripted_journeys_count_two_sent_one_abandoned_at_records_and_one_emergency()
    {
        var telemetry = new TelemetryCapture();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
        var settings = TelemetryCapture.Settings;
        settings["Operations:RunMonitor"] = "false";
        settings["Handoff:Outbox:RunWorker"] = "false";
        await using var factory = new BotAppFactory(settings, services =>
        {
            telemetry.AttachTo(services);
            services.AddSingleton<TimeProvider>(clock);
        });

        await using (var first = await JourneyChat.StartAsync(userId: "p-first", factory: factory))
        {
            await first.SubmitAsync(AnsweringScript.ConfirmPayload(AnsweringScript.SummaryCard(await first.CompleteJourneyAsync())!));
        }

        await using (var second = await JourneyChat.StartAsync(userId: "p-second", factory: factory))
        {
            var told = false;
            var summary = await AnsweringScript.CompleteJourneyAsync(async text =>
            {
                if (!told && text == "Riverside Clinic")
                {
                    told = true;
                    Assert.Contains("911", (await second.SayAsync("I can't breathe")).AllText);
                    await second.SayAsync("continue");
                }

                return await second.SayAsync(text);
            });
            await second.SubmitAsync(AnsweringScript.ConfirmPayload(AnsweringScript.SummaryCard(summary)!));
        }

        await using (var third = await JourneyChat.StartAsync(userId: "p-third", factory: factory))
        {
            // Answers up to the records checklist, then never comes back.
            var turn = await third.PlayAsync(await third.SayAsync("hi"), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary.Take(5)]);
            Assert.True(turn.NamesRecord("coverage-card"), turn.AllText);
        }

        clock.Advance(TimeSpan.FromDays(4));
        var snapshot = await factory.Services.GetRequiredService<OperationsMonitor>().RunOnceAsync();
        telemetry.Flush(factory.Services);

        Assert.Equal(3, telemetry.Sum("secondopinion.journeys.started"));
        Assert.Equal(3, telemetry.Sum("secondopinion.journeys.step_reached", ("step", "records")));
        Assert.Equal(2, telemetry.Sum("secondopinion.journeys.step_reached", ("step", "sent")));
        Assert.Equal(2, telemetry.Sum("secondopinion.journeys.finished", ("outcome", "sent")));
        Assert.Equal(1, telemetry.Sum("secondopinion.journeys.abandoned", ("step", "records")));
        Assert.Equal(1, telemetry.Sum("secondopinion.journeys.abandoned"));
        Assert.Equal(1, telemetry.Sum("secondopinion.emergencies.detected", ("kind", "medical")));
        Assert.Equal(2, telemetry.Sum("secondopinion.cases.created"));
        Assert.Equal(1, telemetry.Sum("secondopinion.cases.created", ("priority", "urgent")));
        Assert.Equal(1, telemetry.Sum("secondopinion.cases.created", ("priority", "routine")));
        var turns = telemetry.Sum("secondopinion.turns", ("channel", "webchat"), ("outcome", "ok"));
        Assert.True(turns > 40, $"{turns} turns");
        Assert.Equal(telemetry.Sum("secondopinion.turns"), telemetry.HistogramCount("secondopinion.turn.duration"));

        // Two cases wait for a claim in queues nobody bound yet; the outbox holds their two new threads.
        Assert.Equal(0, snapshot.JourneysInProgress);
        Assert.Equal(2, snapshot.WaitingInUnboundQueues.Values.Sum());
        Assert.Equal(2, telemetry.GaugeLong("secondopinion.outbox.depth"));
        Assert.Equal(TimeSpan.FromDays(4).TotalSeconds, telemetry.GaugeDouble("secondopinion.outbox.oldest_age")!.Value, precision: 0);
        Assert.Equal(2, telemetry.Points("secondopinion.cases.sla_overdue").Sum(p => p.GetGaugeLastValueLong()));
    }
}
