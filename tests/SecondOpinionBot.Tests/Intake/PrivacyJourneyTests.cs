using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>"What do you know about me" and "delete my data", said in the chat, checked against what is really stored.</summary>
public sealed class PrivacyJourneyTests
{
    private static SecondOpinionBot.Storage.Protection.IPatientDataProtector Protector(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<SecondOpinionBot.Storage.Protection.IPatientDataProtector>();

    private static readonly string[] PersonalValues = [Sentinels.Diagnosis, Sentinels.Question, "555 013 9472", Sentinels.Email, "Riverside Clinic", "A new drug every week"];

    [Fact]
    public async Task What_do_you_know_lists_what_is_stored_in_plain_words_without_internal_ids()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "user-7f3a9c");
        await chat.SayAsync("hi");
        await chat.SayAsync("Yes, save my answers");
        await chat.SayAsync("I am the patient");
        await chat.SayAsync($"It is {Sentinels.Diagnosis}");

        var turn = await chat.SayAsync("what do you know about me");

        Assert.True(turn.Says(MessageKeys.StoredDataIntro), turn.AllText);
        Assert.True(turn.Says(MessageKeys.StoredDataFieldsRole) && turn.Says(MessageKeys.StoredDataFieldsConcern), turn.AllText);
        Assert.True(turn.Says(MessageKeys.StoredDataLinesConversationPosition), turn.AllText);
        Assert.False(turn.Says(chat.UserId) || turn.Says(chat.ConversationId) || turn.Says("webchat"), turn.AllText);
        Assert.False(turn.Says(Sentinels.Diagnosis), "It names what is stored, it does not repeat it.");
    }

    [Fact]
    public async Task What_do_you_know_counts_the_messages_with_the_team_but_not_the_team_s_internal_notes()
    {
        var factory = new BotAppFactory(new() { ["Handoff:Outbox:RunWorker"] = "false" });
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        await chat.CompleteJourneyAsync();
        Assert.True((await chat.SayAsync("Yes, send it")).Says(MessageKeys.HandoffSent));
        var record = (await CaseFlowTests.LatestCaseAsync(chat))!;
        await chat.SayAsync("I found the letter from my surgeon");
        var store = factory.Services.GetRequiredService<SecondOpinionBot.Handoff.Messages.ICaseMessageStore>();
        await store.AddAsync(record.Id, SecondOpinionBot.Handoff.Messages.MessageDirection.ToPatient, "aad-ana", "Ana", "Thanks, I will call you tomorrow.", CancellationToken.None);
        await store.AddAsync(record.Id, SecondOpinionBot.Handoff.Messages.MessageDirection.StaffNote, "aad-ana", "Ana", "Left a voicemail.", CancellationToken.None);
        await store.AddAsync(record.Id, SecondOpinionBot.Handoff.Messages.MessageDirection.StaffNote, "aad-ben", "Ben", "Handover: needs a ride.", CancellationToken.None);

        var known = await chat.SayAsync("what do you know about me");

        Assert.True(known.Says(MessageKeys.StoredDataLinesCaseMessages, ("count", "2")), known.AllText);
        Assert.False(known.Says("voicemail") || known.Says("Handover"), known.AllText);
    }

    [Fact]
    public async Task Delete_my_data_after_a_case_erases_state_case_fields_links_and_pending_messages_but_keeps_audit_lines()
    {
        var factory = new BotAppFactory(new() { ["PrepSheets:PublicBaseUrl"] = "https://bot.example.org", ["Handoff:Outbox:RunWorker"] = "false" });
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        var sent = await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var link = new Uri(sent.Activities.SelectMany(a => a["attachments"] as JArray ?? [])
            .SelectMany(a => a["content"]?["buttons"] as JArray ?? []).Single()["value"]!.ToString()).PathAndQuery;
        var record = (await CaseFlowTests.LatestCaseAsync(chat))!;
        var outbox = factory.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(OutboxKind.NotifyPatient, new OutboxPayload(record.Reference, Notice: PatientNotice.Claimed, StaffName: "Ana"), null, CancellationToken.None);
        const string PendingNotices = "SELECT COUNT(*) FROM outbox WHERE kind = 'notify-patient' AND completed_at IS NULL AND dead_letter IS NULL";
        Assert.Equal(1, DatabaseScan.Scalar(factory.DatabasePath, PendingNotices));

        var known = await chat.SayAsync("what do you know about me");
        Assert.True(known.Says(MessageKeys.StoredDataLinesCase, ("reference", record.Reference)) && known.Says(MessageKeys.StoredDataLinesPrepSheetLinks) && known.Says(MessageKeys.StoredDataLinesPendingMessages, ("count", "1")), known.AllText);

        var ask = await chat.SayAsync("delete my data");
        Assert.True(ask.Says(MessageKeys.HandoffDeleteAskOpenCase, ("reference", record.Reference)), ask.AllText);
        var done = await chat.SayAsync("yes");
        Assert.True(done.Says(MessageKeys.CommandsDeleted), done.AllText);

        Assert.Empty(DatabaseScan.Find(factory.DatabasePath, PersonalValues, Protector(factory)));
        var erased = (await CaseFlowTests.Cases(chat).FindAsync(record.Reference, CancellationToken.None))!;
        Assert.Null(erased.PatientConversation);
        Assert.Null(erased.Details.Phone);
        Assert.Empty(erased.Details.Questions);
        Assert.Equal(CaseStatus.Withdrawn, erased.Status);
        var audit = await CaseFlowTests.Cases(chat).GetAuditAsync(record.Reference, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "created");
        Assert.Contains(audit, a => a.Action == "personal-data-erased");
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, PendingNotices));

        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link)).StatusCode);
        var status = await chat.SayAsync("status");
        Assert.True(status.Says(MessageKeys.CommandsStatusNone), status.AllText);
        var nothing = await chat.SayAsync("what do you know about me");
        Assert.False(nothing.Says(MessageKeys.StoredDataLinesAnswers) || nothing.Says(MessageKeys.StoredDataLinesCase) || nothing.Says(MessageKeys.StoredDataLinesPrepSheetLinks), nothing.AllText);
    }

    [Fact]
    public async Task Once_the_case_is_sent_its_answers_are_kept_with_the_case_and_not_again_in_the_draft()
    {
        await using var chat = await JourneyChat.StartAsync();
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var record = (await CaseFlowTests.LatestCaseAsync(chat))!;

        Assert.Empty(DatabaseScan.Find(chat.Factory.DatabasePath, [Sentinels.Question, Sentinels.Phone], Protector(chat.Factory), onlyTable: "bot_state"));
        Assert.Equal(record.Reference, (await chat.StoredDraftAsync())!.CaseReference);
        var known = await chat.SayAsync("what do you know about me");
        Assert.True(known.Says(MessageKeys.StoredDataLinesCase, ("reference", record.Reference)), known.AllText);
        Assert.False(known.Says(MessageKeys.StoredDataLinesAnswers), known.AllText);
        var status = await chat.SayAsync("status");
        Assert.True(status.Says(record.Reference), status.AllText);
    }

    [Fact]
    public async Task Answering_no_to_delete_keeps_everything()
    {
        await using var chat = await JourneyChat.StartAsync();
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));

        await chat.SayAsync("delete my data");
        var kept = await chat.SayAsync("no");

        Assert.True(kept.Says(MessageKeys.CommandsDeleteKept), kept.AllText);
        var record = (await CaseFlowTests.LatestCaseAsync(chat))!;
        Assert.Equal(Sentinels.Phone, record.Details.Phone);
        Assert.NotNull(record.PatientConversation);
        // The answers live on in the case (the draft keeps none once the case is sent).
        Assert.NotEmpty(DatabaseScan.Find(chat.Factory.DatabasePath, [Sentinels.Question], Protector(chat.Factory), onlyTable: "cases"));
        Assert.True((await chat.SayAsync("status")).Says(record.Reference));
    }

    [Fact]
    public async Task Delete_in_the_middle_of_the_journey_leaves_no_answers_in_the_bot_state()
    {
        await using var chat = await JourneyChat.StartAsync();
        await chat.SayAsync("hi");
        await chat.SayAsync("Yes, save my answers");
        await chat.SayAsync("I'm helping someone");
        await chat.SayAsync(Sentinels.Name);
        await chat.SayAsync($"Worried about {Sentinels.Diagnosis}");
        Assert.NotEmpty(DatabaseScan.Find(chat.Factory.DatabasePath, [Sentinels.Name], Protector(chat.Factory), onlyTable: "bot_state"));

        await chat.SayAsync("delete my data");
        await chat.SayAsync("yes");

        Assert.Empty(DatabaseScan.Find(chat.Factory.DatabasePath, Sentinels.All, Protector(chat.Factory), onlyTable: "bot_state"));
        var next = await chat.SayAsync("hi");
        Assert.True(next.Says(MessageKeys.WelcomeConsentAsk), next.AllText);
    }

    [Fact]
    public async Task Declining_consent_keeps_nothing_and_a_chat_position_without_answers_is_purged_after_a_day_idle()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero));
        var factory = new BotAppFactory(services: services => services.AddSingleton<TimeProvider>(clock));
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        await chat.SayAsync("hi");
        var declined = await chat.SayAsync("No, don't save them");
        Assert.True(declined.Says(MessageKeys.WelcomeConsentNo), declined.AllText);
        // Nothing agreed and nothing under way: no row at all is kept for this patient.
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM bot_state"));

        // Back to say hi: the consent question is waiting, so only the chat's position is kept (no answers).
        var again = await chat.SayAsync("hi");
        Assert.True(again.Says(MessageKeys.WelcomeConsentAsk), again.AllText);
        const string Rows = "SELECT COUNT(*) FROM bot_state WHERE key LIKE '%/conversations/%'";
        Assert.Equal(1, DatabaseScan.Scalar(factory.DatabasePath, Rows));
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM bot_state WHERE key LIKE '%/users/%' AND document LIKE '%IntakeDraft%'"));

        var retention = factory.Services.GetRequiredService<RetentionService>();
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, (await retention.RunOnceAsync(CancellationToken.None)).ConversationsPurged);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await retention.RunOnceAsync(CancellationToken.None)).ConversationsPurged);
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, Rows));
    }

    [Fact]
    public async Task Delete_in_web_chat_erases_the_stored_transcript_and_the_chat_keeps_working()
    {
        await using var factory = new BotAppFactory(services: WebChatPatient.InMemory);
        var patient = await WebChatPatient.OpenAsync(factory);
        await patient.SayAsync("hi");
        await patient.SayAsync("Yes, save my answers");
        await patient.SayAsync("I'm helping someone");
        await patient.SayAsync(Sentinels.Name);
        Assert.NotEmpty(DatabaseScan.Find(factory.DatabasePath, [Sentinels.Name], Protector(factory), onlyTable: "directline_activities"));

        var known = await patient.SayAsync("what do you know about me");
        Assert.True(known.Says(MessageKeys.StoredDataLinesWebChatTranscript), known.AllText);
        await patient.SayAsync("delete my data");
        var done = await patient.SayAsync("yes");
        Assert.True(done.Says(MessageKeys.CommandsDeleted), done.AllText);

        Assert.Empty(DatabaseScan.Find(factory.DatabasePath, [Sentinels.Name], Protector(factory)));
        var transcript = await patient.TranscriptAsync();
        Assert.DoesNotContain(transcript, a => a.ToString().Contains(Sentinels.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, a => a["text"]?.ToString() == "I'm helping someone");

        // New messages still arrive after the erased positions.
        var again = await patient.SayAsync("hi");
        Assert.True(again.Says(MessageKeys.WelcomeConsentAsk), again.AllText);
    }
}
