using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Handoff;

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

        Assert.True(sent.Says("Your reference is"), sent.AllText);
        Assert.True(sent.Says("after the team is back on Tuesday 10 November at 09:00"), sent.AllText);
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
