using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Content;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>
/// Service levels on the queue's calendar (Monday to Friday 09:00–17:00 UTC, a configured holiday), with a fake clock:
/// reminders across a weekend and a holiday, "Overdue by …" on the card, one reminder per missed target, and the
/// patient told when the team is back when a case is sent out of hours.
/// </summary>
public sealed class ServiceLevelTests
{
    private static readonly DateTimeOffset FridayAt4pm = new(2026, 11, 6, 16, 0, 0, TimeSpan.Zero);
    private const string HolidayMonday = "2026-11-09";

    private static TeamHoursOptions Hours(params DateOnly[] holidays) => new() { Holidays = [.. holidays] };

    [Fact]
    public void Working_time_skips_evenings_weekends_and_holidays()
    {
        var calendar = new BusinessCalendar(Hours(DateOnly.Parse(HolidayMonday, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero), calendar.Add(FridayAt4pm, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.Between(FridayAt4pm, new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), calendar.NextOpening(FridayAt4pm.AddHours(2)));
        Assert.False(calendar.IsOpen(new DateTimeOffset(2026, 11, 9, 11, 0, 0, TimeSpan.Zero)));
        Assert.True(new BusinessCalendar(Hours()).IsOpen(new DateTimeOffset(2026, 11, 9, 11, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_calendar_in_another_time_zone_counts_in_its_own_hours()
    {
        var chicago = new BusinessCalendar(new TeamHoursOptions { TimeZone = "America/Chicago" });

        // 16:00 UTC on a Friday in November is 10:00 in Chicago: open; 23:30 UTC is 17:30 there: closed.
        Assert.True(chicago.IsOpen(FridayAt4pm));
        Assert.False(chicago.IsOpen(FridayAt4pm.AddHours(7.5)));
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 15, 0, 0, TimeSpan.Zero), chicago.NextOpening(FridayAt4pm.AddHours(7.5)));
    }

    [Fact]
    public async Task An_urgent_case_sent_on_Friday_afternoon_is_reminded_on_Tuesday_after_the_weekend_and_the_holiday_once()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:Hours:Holidays:0"] = HolidayMonday });
        host.Clock.SetUtcNow(FridayAt4pm);
        await host.BindAsync();
        var record = await host.SubmitCaseAsync(priority: SecondOpinionBot.Handoff.CasePriority.Urgent);
        await host.DrainAsync();
        record = await host.CaseAsync(record.Reference);
        var reminders = host.Factory.Services.GetRequiredService<OverdueReminders>();

        foreach (var at in new[] { FridayAt4pm.AddHours(1.5), FridayAt4pm.AddDays(1), FridayAt4pm.AddDays(3).AddHours(-4), new DateTimeOffset(2026, 11, 10, 9, 30, 0, TimeSpan.Zero) })
        {
            host.Clock.SetUtcNow(at);
            Assert.Equal(0, await reminders.RunOnceAsync());
        }

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 10, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.RunOnceAsync());
        Assert.Equal(0, await reminders.RunOnceAsync());
        await host.DrainAsync();

        var line = host.Connector.Calls.Single(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{record.StaffConversationId}/activities", StringComparison.Ordinal)
            && c.Body!["text"]!.ToString().Contains("Reminder", StringComparison.Ordinal));
        Assert.Contains("overdue by 30 minutes", line.Body!["text"]!.ToString());
        Assert.Equal("channel", line.Body["entities"]![0]!["mentioned"]!["type"]!.ToString());
        Assert.Contains("Overdue by 30 minutes", host.Connector.Updates[^1].Body!.ToString());
        Assert.Contains(await host.Cases.GetAuditAsync(record.Reference, CancellationToken.None), a => a.Action == "overdue-reminder");

        // Two more working hours later (another missed target): one more reminder, mentioning the assignee now.
        var claim = TeamsActivities.Invoke(host.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), TeamsActivities.SocialWorkChannel, conversationId: record.StaffConversationId);
        await host.InvokeAsync(claim);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 12, 45, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.RunOnceAsync());
        await host.DrainAsync();
        var second = host.Connector.Calls.Last(c => c.Method == "POST" && c.Body?["text"]?.ToString().Contains("Reminder", StringComparison.Ordinal) == true);
        Assert.StartsWith("<at>Ana</at>", second.Body!["text"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_routine_case_is_not_overdue_before_a_full_working_day_and_queue_overdue_lists_it_after()
    {
        await using var host = await HandoffHost.StartAsync();
        host.Clock.SetUtcNow(FridayAt4pm);
        await host.BindAsync();
        var record = await host.SubmitCaseAsync();
        await host.DrainAsync();

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 9, 15, 30, 0, TimeSpan.Zero));
        (await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "queue overdue", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
        Assert.DoesNotContain(record.Reference, host.Connector.TextsIn(TeamsActivities.SocialWorkChannel)[^1]);

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 9, 18, 0, 0, TimeSpan.Zero));
        (await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "queue overdue", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
        var list = host.Connector.TextsIn(TeamsActivities.SocialWorkChannel)[^1];
        Assert.Contains(record.Reference, list);
        Assert.Contains(StaffWording.Get(StaffMessageKeys.SlaOverdueBy, ("span", StaffWording.Get(StaffMessageKeys.SlaHour))), list);
    }

    [Fact]
    public async Task A_case_sent_out_of_hours_tells_the_patient_when_the_team_is_back()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(FridayAt4pm.AddHours(4));
        await using var factory = new SecondOpinionBot.Tests.Support.BotAppFactory(
            new() { ["Handoff:TenantId"] = TeamsActivities.Tenant, ["Handoff:Outbox:RunWorker"] = "false", ["Handoff:Hours:Holidays:0"] = HolidayMonday },
            services => services.AddSingleton<TimeProvider>(clock));
        await using var chat = await SecondOpinionBot.Tests.Intake.JourneyChat.StartAsync("msteams", "29:late", factory);

        await SecondOpinionBot.Tests.Intake.AnsweringScript.CompleteJourneyAsync(chat);
        var sent = await chat.SayAsync("Yes, send it");

        Assert.True(sent.Says(MessageKeys.HandoffSent), sent.AllText);
        Assert.True(sent.Says(MessageKeys.HandoffWhenClosed, ("day", "Tuesday 10 November"), ("time", "09:00")), sent.AllText);
    }

    [Fact]
    public async Task The_reminder_job_keeps_the_waiting_time_on_the_card_current_with_one_update_per_period()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.PostCaseAsync();
        var reminders = host.Factory.Services.GetRequiredService<OverdueReminders>();
        int CardUpdates() => host.Connector.Updates.Count(u => Uri.UnescapeDataString(u.Path).EndsWith("/activities/" + record.StaffCardActivityId, StringComparison.Ordinal));
        Assert.Equal(0, CardUpdates());

        // Nobody acts for 20 minutes: the job's pass edits the card (through the connector's update) to say so.
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(0, await reminders.RunOnceAsync());
        await host.DrainAsync();
        Assert.Equal(1, CardUpdates());
        Assert.Contains("\"20 min\"", host.Connector.Updates[^1].Body!.ToString());

        // The next pass within the same 15-minute period (Handoff:ServiceLevels:RefreshCardsEvery) edits nothing.
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await reminders.RunOnceAsync();
        await host.DrainAsync();
        Assert.Equal(1, CardUpdates());

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await reminders.RunOnceAsync();
        await host.DrainAsync();
        Assert.Equal(2, CardUpdates());
        Assert.Contains("\"35 min\"", host.Connector.Updates[^1].Body!.ToString());

        // A closed case is not refreshed any more.
        var claim = TeamsActivities.Invoke(host.ServiceUrl, TeamsActivities.CardData("case.claim", record.Reference, record.Version), TeamsActivities.SocialWorkChannel, conversationId: record.StaffConversationId);
        await host.InvokeAsync(claim);
        var claimed = await host.CaseAsync(record.Reference);
        var resolve = TeamsActivities.Invoke(host.ServiceUrl, TeamsActivities.CardData("case.resolve", record.Reference, claimed.Version, outcome: "support-arranged"), TeamsActivities.SocialWorkChannel, conversationId: record.StaffConversationId);
        await host.InvokeAsync(resolve);
        Assert.Equal(CaseStatus.Resolved, (await host.CaseAsync(record.Reference)).Status);
        await host.DrainAsync();
        var afterResolve = CardUpdates();
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await reminders.RunOnceAsync();
        await host.DrainAsync();
        Assert.Equal(afterResolve, CardUpdates());
    }

    [Fact]
    public async Task A_card_waiting_for_more_than_a_day_is_refreshed_at_most_once_an_hour_since_it_shows_whole_hours()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var record = await host.PostCaseAsync();
        var reminders = host.Factory.Services.GetRequiredService<OverdueReminders>();
        int CardUpdates() => host.Connector.Updates.Count(u => Uri.UnescapeDataString(u.Path).EndsWith("/activities/" + record.StaffCardActivityId, StringComparison.Ordinal));

        // Tuesday 10:00, 25 hours after it was sent (and overdue: its one reminder goes out with a refresh).
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero));
        await reminders.RunOnceAsync();
        await host.DrainAsync();
        var first = CardUpdates();
        Assert.Contains($"\"{Wording.Messages.Format(StaffMessageKeys.WordsWaitedDays, ("days", "1"), ("hours", "1"))}\"", host.Connector.Updates[^1].Body!.ToString());

        // Passes every 5 minutes within that hour change nothing the card would show: no edits.
        for (var minutes = 5; minutes < 60; minutes += 5)
        {
            host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 10, minutes, 0, TimeSpan.Zero));
            await reminders.RunOnceAsync();
            await host.DrainAsync();
        }

        Assert.Equal(first, CardUpdates());
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 11, 0, 0, TimeSpan.Zero));
        await reminders.RunOnceAsync();
        await host.DrainAsync();
        Assert.Equal(first + 1, CardUpdates());
        Assert.Contains($"\"{Wording.Messages.Format(StaffMessageKeys.WordsWaitedDays, ("days", "1"), ("hours", "2"))}\"", host.Connector.Updates[^1].Body!.ToString());
    }

    /// <summary>What the patient reads after writing to their open case, sent at <paramref name="at"/> with these settings.</summary>
    private static async Task<(SecondOpinionBot.Tests.Intake.BotTurn Reply, CaseRecord Case)> WriteToTheOpenCaseAsync(DateTimeOffset at, Dictionary<string, string?> settings)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at);
        var all = new Dictionary<string, string?>(settings) { ["Handoff:TenantId"] = TeamsActivities.Tenant, ["Handoff:Outbox:RunWorker"] = "false" };
        await using var factory = new SecondOpinionBot.Tests.Support.BotAppFactory(all, services => services.AddSingleton<TimeProvider>(clock));
        await using var chat = await SecondOpinionBot.Tests.Intake.JourneyChat.StartAsync("msteams", "29:writer", factory);
        await SecondOpinionBot.Tests.Intake.AnsweringScript.CompleteJourneyAsync(chat);
        Assert.True((await chat.SayAsync("Yes, send it")).Says(MessageKeys.HandoffSent));
        var reply = await chat.SayAsync("I found the letter from my surgeon");
        var record = (await SecondOpinionBot.Tests.Intake.CaseFlowTests.LatestCaseAsync(chat))!;
        return (reply, record);
    }

    [Fact]
    public async Task A_message_to_the_case_on_a_holiday_weekend_says_when_the_team_reads_it_again()
    {
        // Friday 20:00, and Monday is a holiday: the team reads it on Tuesday morning, not "on weekdays".
        var (reply, record) = await WriteToTheOpenCaseAsync(FridayAt4pm.AddHours(4), new() { ["Handoff:Hours:Holidays:0"] = HolidayMonday });

        var expected = ContentFixture.English.Messages.Format(MessageKeys.HandoffTeamReadsFrom, ("day", "Tuesday 10 November"), ("time", "09:00"));
        Assert.True(reply.Says(expected), reply.AllText);
        Assert.True(reply.Says(MessageKeys.HandoffMessageReceived, ("reference", record.Reference)), reply.AllText);
    }

    [Fact]
    public async Task A_message_to_the_case_uses_its_queue_s_own_hours()
    {
        // Tuesday 07:30 UTC: the default calendar (09:00–17:00) is closed, the case's queue opens at 07:00.
        var queue = QueueNames.CareCoordination;
        var (reply, record) = await WriteToTheOpenCaseAsync(new DateTimeOffset(2026, 11, 10, 7, 30, 0, TimeSpan.Zero), new()
        {
            [$"Handoff:QueueHours:{queue}:Open"] = "07:00",
            [$"Handoff:QueueHours:{queue}:Close"] = "15:00",
        });

        Assert.Equal(queue, record.Queue);
        Assert.True(reply.Says(ContentFixture.English.Messages.Format(MessageKeys.HandoffTeamReadsNow, ("close", "15:00"))), reply.AllText);
    }

    [Fact]
    public async Task Only_one_instance_runs_the_reminder_pass_while_it_holds_the_lease()
    {
        await using var host = await HandoffHost.StartAsync();
        var lease = host.Factory.Services.GetRequiredService<TimerLease>();

        Assert.True(await lease.TryAcquireAsync("job", "instance-a", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.False(await lease.TryAcquireAsync("job", "instance-b", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.True(await lease.TryAcquireAsync("job", "instance-a", TimeSpan.FromMinutes(10), CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await lease.TryAcquireAsync("job", "instance-b", TimeSpan.FromMinutes(10), CancellationToken.None));
    }
}
