using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Privacy;

/// <summary>One test per retention promise in the README, through the real host with a controllable clock.</summary>
public sealed class RetentionPromiseTests
{
    private static readonly CaseActor Ana = new("aad-ana", "Ana");

    private static (BotAppFactory Factory, FakeTimeProvider Clock) Host(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?> { ["Handoff:Outbox:RunWorker"] = "false", ["PrepSheets:PublicBaseUrl"] = "https://bot.example.org" };
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }

        return (new BotAppFactory(all, services => { services.AddSingleton<TimeProvider>(clock); more?.Invoke(services); }), clock);
    }

    private static Task<RetentionRun> PurgeAsync(BotAppFactory factory) => factory.Services.GetRequiredService<RetentionService>().RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task A_draft_left_idle_is_deleted_after_IdleDraftDays_and_kept_before()
    {
        var (factory, clock) = Host();
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        await chat.SayAsync("hi");
        await chat.SayAsync("Yes, save my answers");
        await chat.SayAsync("I am the patient");
        await chat.SayAsync($"Worried about {Sentinels.Diagnosis}");

        clock.Advance(TimeSpan.FromDays(29));
        await PurgeAsync(factory);
        Assert.NotNull(await chat.StoredDraftAsync());

        clock.Advance(TimeSpan.FromDays(2));
        await PurgeAsync(factory);
        Assert.Null(await chat.StoredDraftAsync());
    }

    [Fact]
    public async Task A_purged_case_takes_its_draft_prep_sheet_links_pending_notices_and_done_outbox_rows_with_it()
    {
        var (factory, clock) = Host(new() { ["Retention:IdleDraftDays"] = "3650", ["Retention:ResolvedCaseRetentionDays"] = "10" });
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var cases = factory.Services.GetRequiredService<ICaseStore>();
        var record = (await CaseFlowTests.LatestCaseAsync(chat))!;
        await cases.TryTransitionAsync(record.Reference, CaseStatus.New, CaseStatus.Claimed, Ana, null, CancellationToken.None);
        var resolved = await cases.TryTransitionAsync(record.Reference, CaseStatus.Claimed, CaseStatus.Resolved, Ana, "done", CancellationToken.None);
        Assert.True(resolved.Succeeded, resolved.Current?.Status.ToString());
        await factory.Services.GetRequiredService<IOutbox>().EnqueueAsync(OutboxKind.NotifyPatient, new OutboxPayload(record.Reference, Notice: PatientNotice.Resolved, StaffName: "Ana"), null, CancellationToken.None);
        Assert.NotNull(await chat.StoredDraftAsync());
        Assert.True(DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM prep_sheet_links") > 0);

        clock.Advance(TimeSpan.FromDays(11));
        await PurgeAsync(factory); // The host's own purge may run on the clock's advance too; either way the case is gone.

        Assert.Null(await cases.FindAsync(record.Reference, CancellationToken.None));
        Assert.Null(await chat.StoredDraftAsync());
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM prep_sheet_links"));
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM outbox"));
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, $"SELECT COUNT(*) FROM patient_keys WHERE subject = '{chat.ChannelId}:{chat.UserId}'"));
        Assert.Empty(DatabaseScan.Find(factory.DatabasePath, Sentinels.All, factory.Services.GetRequiredService<SecondOpinionBot.Storage.Protection.IPatientDataProtector>()));
    }

    [Fact]
    public async Task After_no_to_saving_the_web_chat_transcript_goes_with_the_chat_position_after_a_day_idle()
    {
        var (factory, clock) = Host(more: WebChatPatient.InMemory);
        await using var _ = factory;
        var patient = await WebChatPatient.OpenAsync(factory);
        await patient.SayAsync("hi");
        await patient.SayAsync("No, don't save them");
        await patient.SayAsync($"I have {Sentinels.Diagnosis}, call me on {Sentinels.Phone}");
        Assert.True(DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM directline_activities") > 0);

        clock.Advance(TimeSpan.FromHours(23));
        await PurgeAsync(factory);
        Assert.True(DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM directline_activities") > 0);

        clock.Advance(TimeSpan.FromHours(2));
        await PurgeAsync(factory);
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM directline_activities WHERE json NOT LIKE '%so.transcriptErased%'"));
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM bot_state"));
    }

    [Fact]
    public async Task Audit_lines_keep_no_health_information()
    {
        var (factory, _) = Host();
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var record = (await CaseFlowTests.LatestCaseAsync(chat))!;
        var cases = factory.Services.GetRequiredService<ICaseStore>();
        await cases.TryTransitionAsync(record.Reference, CaseStatus.New, CaseStatus.Claimed, Ana, null, CancellationToken.None);
        await chat.SayAsync("delete my data");
        await chat.SayAsync("yes");

        Assert.True(DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM case_audit") >= 2);
        Assert.Empty(DatabaseScan.Find(factory.DatabasePath, [.. Sentinels.All, "Riverside Clinic", chat.UserId], factory.Services.GetRequiredService<SecondOpinionBot.Storage.Protection.IPatientDataProtector>(), onlyTable: "case_audit"));
    }
}
