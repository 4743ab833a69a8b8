using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>
/// After the handoff, through the real host: a Teams patient and the care team write to each other, and what the
/// patient does (emergency words, "talk to a person", cancel, delete, writing after the case closed) reaches the thread
/// without quoting them.
/// </summary>
public sealed class CaseWorkJourneyTests : IAsyncLifetime
{
    private const string PatientWords = "Can my daughter come with me to the appointment?";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero)); // a Tuesday, in hours
    private JourneyChat _chat = null!;
    private HttpClient _teams = null!;
    private CaseRecord _case = null!;
    private string _channel = "";

    private ICaseStore Cases => _chat.Factory.Services.GetRequiredService<ICaseStore>();

    private Task DrainAsync() => _chat.Factory.Services.GetRequiredService<OutboxProcessor>().DrainAsync();

    public Task InitializeAsync() => StartAsync(new());

    private async Task StartAsync(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Handoff:TenantId"] = TeamsActivities.Tenant,
            ["Handoff:Outbox:RunWorker"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var factory = new BotAppFactory(settings, services => services.AddSingleton<TimeProvider>(_clock));
        _chat = await JourneyChat.StartAsync("msteams", "29:maya", factory);
        _chat.Connector.AddTeamMember(TeamsActivities.Team, "29:aad-ana", "aad-ana", TeamsActivities.Ana.Name);
        _teams = factory.CreateClient();
        foreach (var (queue, channel) in new[] { ("social-work", TeamsActivities.SocialWorkChannel), ("care-coordination", TeamsActivities.CoordinationChannel) })
        {
            (await _teams.PostAsync(TeamsActivities.ChannelMessage(_chat.Connector.ServiceUrl, $"set queue {queue}", channel))).EnsureSuccessStatusCode();
        }

        await _chat.CompleteJourneyAsync(new ScriptedAnswers { ContactMethods = "Phone", NeedsOther = NeedsInTheirWords });
        Assert.True((await _chat.SayAsync("Yes, send it")).Says(MessageKeys.HandoffSent));
        await DrainAsync();
        _case = (await Cases.FindLatestForOwnerAsync("msteams:29:maya", CancellationToken.None))!;
        _channel = _case.Queue == QueueNames.SocialWork ? TeamsActivities.SocialWorkChannel : TeamsActivities.CoordinationChannel;
    }

    public async Task DisposeAsync()
    {
        _teams.Dispose();
        await _chat.Factory.DisposeAsync();
        await _chat.DisposeAsync();
    }

    private async Task ClaimAsync()
    {
        var record = await Cases.FindAsync(_case.Reference, CancellationToken.None);
        var invoke = TeamsActivities.Invoke(_chat.Connector.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, record!.Version), _channel, conversationId: _case.StaffConversationId);
        (await _teams.PostAsync(invoke)).EnsureSuccessStatusCode();
        await DrainAsync();
        _case = (await Cases.FindAsync(_case.Reference, CancellationToken.None))!;
    }

    private async Task<JObject> DialogAsync(string name, string verb, string? message = null)
    {
        var response = await _teams.PostAsync(TeamsActivities.Task(_chat.Connector.ServiceUrl, name, TeamsActivities.DialogData(verb, _case.Reference, message: message), _channel, conversationId: _case.StaffConversationId));
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private IReadOnlyList<string> ThreadLines() => _chat.Connector.TextsIn(_case.StaffConversationId!);

    /// <summary>Everything the bot sent anywhere but the patient's own chat: channel threads and staff chats.</summary>
    private List<string> SentToStaff() => _chat.Connector.Calls
        .Where(c => !Uri.UnescapeDataString(c.Path).Contains(_chat.ConversationId, StringComparison.Ordinal))
        .Select(c => c.Body?.ToString() ?? "").ToList();

    private List<ConnectorCall> StaffChats() => _chat.Connector.CreatedConversations.Where(c => c.Body!["isGroup"]?.Value<bool>() != true).ToList();

    private const string NeedsInTheirWords = "Only my neighbour Qwilla can drive me, and only on Fridays";

    [Fact]
    public async Task Every_free_text_answer_is_in_Details_and_none_reaches_a_channel()
    {
        await ClaimAsync();

        var details = (await DialogAsync("task/fetch", "case.details")).ToString();

        Assert.Contains(NeedsInTheirWords, details);
        Assert.Contains(SecondOpinionBot.Tests.Support.Sentinels.Diagnosis, details);
        Assert.Contains(SecondOpinionBot.Tests.Support.Sentinels.Question, details);
        Assert.Contains("A new drug every week", details);
        Assert.Contains("Riverside Clinic", details);
        Assert.Contains("mornings", details);
        Assert.All(SentToStaff(), sent =>
        {
            Assert.DoesNotContain("Qwilla", sent, StringComparison.Ordinal);
            Assert.DoesNotContain(SecondOpinionBot.Tests.Support.Sentinels.Diagnosis, sent, StringComparison.Ordinal);
            Assert.DoesNotContain("A new drug every week", sent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task When_Teams_refuses_the_assignees_personal_chat_the_notice_mentions_them_in_the_thread()
    {
        await ClaimAsync();
        _chat.Connector.RefusePersonalChats = true;

        await _chat.SayAsync(PatientWords);
        await DrainAsync();

        Assert.Contains(_chat.Connector.Calls, c => c.Status == 403 && c.Body?["isGroup"]?.Value<bool>() == false);
        Assert.Empty(StaffChats());
        var fallback = _chat.Connector.Calls.Single(c => c.Method == "POST" && c.Status == 200
            && Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{_case.StaffConversationId}/activities", StringComparison.Ordinal)
            && c.Body!["text"]!.ToString().StartsWith("<at>Ana</at> ", StringComparison.Ordinal));
        Assert.Contains(_case.Reference, fallback.Body!["text"]!.ToString());
        Assert.Equal("29:aad-ana", fallback.Body["entities"]![0]!["mentioned"]!["id"]!.ToString());
        Assert.DoesNotContain(PatientWords, fallback.Body.ToString());
        var outbox = _chat.Factory.Services.GetRequiredService<IOutbox>();
        Assert.Empty(await outbox.ListDeadLettersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Messages_go_both_ways_and_the_team_is_told_without_the_patients_words()
    {
        await ClaimAsync();

        await DialogAsync("task/submit", "case.message.send", "Hello Maya, when is a good time to call?");
        await DrainAsync();
        Assert.Contains(_chat.Connector.TextsIn(_chat.ConversationId), t => t.StartsWith("From Ana, ", StringComparison.Ordinal) && t.EndsWith("Hello Maya, when is a good time to call?", StringComparison.Ordinal));

        var reply = await _chat.SayAsync(PatientWords);
        Assert.True(reply.Says(MessageKeys.HandoffMessageReceived, ("reference", _case.Reference)), reply.AllText);
        Assert.True(reply.Says("911") && reply.Says("988"), reply.AllText);
        Assert.True(reply.Says(SecondOpinionBot.Tests.Content.ContentFixture.English.Messages.Format(SecondOpinionBot.Content.MessageKeys.HandoffTeamReadsNow, ("close", "17:00"))), reply.AllText);
        await DrainAsync();

        Assert.Contains(ThreadLines(), t => Wording.Says(t, StaffMessageKeys.EventsPatientMessageLine));
        var notice = Assert.Single(StaffChats());
        Assert.Equal("29:aad-ana", notice.Body!["members"]![0]!["id"]!.ToString());
        Assert.Equal(TeamsActivities.Tenant, notice.Body["tenantId"]!.ToString());
        Assert.Contains(_case.Reference, notice.Body["activity"]!["text"]!.ToString());
        Assert.All(SentToStaff(), sent => Assert.DoesNotContain("daughter", sent, StringComparison.OrdinalIgnoreCase));
        var stored = await _chat.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(_case.Id, CancellationToken.None);
        Assert.Equal([MessageDirection.ToPatient, MessageDirection.FromPatient], stored.Select(m => m.Direction));
        Assert.Contains(PatientWords, (await DialogAsync("task/fetch", "case.details")).ToString());
        Assert.Equal(CaseStatus.Claimed, (await Cases.FindAsync(_case.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Emergency_words_after_the_handoff_make_the_case_urgent_and_alert_the_assignee_without_quoting()
    {
        await ClaimAsync();

        var reply = await _chat.SayAsync("I have chest pain right now");
        Assert.True(reply.Says("911"), reply.AllText);
        await DrainAsync();

        var record = (await Cases.FindAsync(_case.Reference, CancellationToken.None))!;
        Assert.Equal(CasePriority.Urgent, record.Priority);
        var alert = _chat.Connector.Calls.Last(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{_case.StaffConversationId}/activities", StringComparison.Ordinal));
        Assert.StartsWith("<at>Ana</at> Urgent:", alert.Body!["text"]!.ToString());
        Assert.Equal("29:aad-ana", alert.Body["entities"]![0]!["mentioned"]!["id"]!.ToString());
        Assert.Contains("Urgent", _chat.Connector.Updates[^1].Body!.ToString());
        Assert.All(SentToStaff(), sent => Assert.DoesNotContain("chest", sent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Emergency_words_on_an_unclaimed_case_mention_the_channel()
    {
        await _chat.SayAsync("I can't breathe");
        await DrainAsync();

        var alert = _chat.Connector.Calls.Last(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{_case.StaffConversationId}/activities", StringComparison.Ordinal));
        Assert.Equal("channel", alert.Body!["entities"]![0]!["mentioned"]!["type"]!.ToString());
        Assert.Equal(_channel, alert.Body["entities"]![0]!["mentioned"]!["id"]!.ToString());
    }

    [Fact]
    public async Task An_urgent_event_out_of_hours_is_escalated_to_the_after_hours_contact()
    {
        await DisposeAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero));
        await StartAsync(new() { ["Handoff:AfterHoursContactUserId"] = "29:aad-oncall" });

        await _chat.SayAsync("I have chest pain");
        await DrainAsync();

        var escalation = Assert.Single(StaffChats(), c => c.Body!["members"]![0]!["id"]!.ToString() == "29:aad-oncall");
        Assert.True(Wording.Says(escalation.Body!["activity"]!["text"]!.ToString(), StaffMessageKeys.EventsAfterHoursNotice, ("reference", _case.Reference)), escalation.Body.ToString());
        Assert.Contains(await Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "escalated-after-hours");
    }

    [Fact]
    public async Task Talk_to_a_person_on_an_open_case_reaches_the_thread_and_the_assignee()
    {
        await ClaimAsync();

        var reply = await _chat.SayAsync("talk to a person");
        Assert.True(reply.Says(MessageKeys.HandoffTalkToPersonOpenCase, ("reference", _case.Reference)), reply.AllText);
        await DrainAsync();

        Assert.Contains(ThreadLines(), t => Wording.Says(t, StaffMessageKeys.EventsTalkToPersonLine));
        Assert.Single(StaffChats());
    }

    [Fact]
    public async Task Writing_after_the_case_is_resolved_offers_to_reopen_it()
    {
        await ClaimAsync();
        var resolve = TeamsActivities.Invoke(_chat.Connector.ServiceUrl, TeamsActivities.CardData("case.resolve", _case.Reference, _case.Version, "support-arranged"), _channel, conversationId: _case.StaffConversationId);
        (await _teams.PostAsync(resolve)).EnsureSuccessStatusCode();
        await DrainAsync();

        var ask = await _chat.SayAsync("Hi, I have one more question");
        Assert.True(ask.Says(MessageKeys.HandoffReopenAsk, ("reference", _case.Reference)), ask.AllText);
        var reopened = await _chat.SayAsync("yes");
        Assert.True(reopened.Says(MessageKeys.HandoffReopened, ("reference", _case.Reference)), reopened.AllText);
        await DrainAsync();

        Assert.Equal(CaseStatus.Reopened, (await Cases.FindAsync(_case.Reference, CancellationToken.None))!.Status);
        Assert.Contains(ThreadLines(), t => Wording.Says(t, StaffMessageKeys.EventsReopenedLine));
        Assert.Contains("Reopened", _chat.Connector.Updates[^1].Body!.ToString());

        var next = await _chat.SayAsync("Is a video call possible?");
        Assert.True(next.Says(MessageKeys.HandoffMessageReceived), next.AllText);
    }

    [Fact]
    public async Task After_a_resolved_case_saying_no_starts_a_new_plan()
    {
        await ClaimAsync();
        var resolve = TeamsActivities.Invoke(_chat.Connector.ServiceUrl, TeamsActivities.CardData("case.resolve", _case.Reference, _case.Version, "support-arranged"), _channel, conversationId: _case.StaffConversationId);
        (await _teams.PostAsync(resolve)).EnsureSuccessStatusCode();

        await _chat.SayAsync("hello");
        var fresh = await _chat.SayAsync("no");

        Assert.True(fresh.Says(MessageKeys.HandoffNewPlan), fresh.AllText);
        Assert.Equal(CaseStatus.Resolved, (await Cases.FindAsync(_case.Reference, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Cancel_on_an_open_case_names_it_withdraws_it_and_tells_the_thread()
    {
        var ask = await _chat.SayAsync("cancel my request");
        Assert.True(ask.Says(MessageKeys.HandoffWithdrawAsk, ("reference", _case.Reference)), ask.AllText);
        var done = await _chat.SayAsync("yes");
        Assert.True(done.Says(MessageKeys.HandoffWithdrawn, ("reference", _case.Reference)), done.AllText);
        await DrainAsync();

        Assert.Equal(CaseStatus.Withdrawn, (await Cases.FindAsync(_case.Reference, CancellationToken.None))!.Status);
        Assert.Contains(ThreadLines(), t => Wording.Says(t, StaffMessageKeys.EventsWithdrawnLine));
        Assert.True(Wording.Says(_chat.Connector.Updates[^1].Body!.ToString(), StaffMessageKeys.CardStatusWithdrawn));
    }

    [Fact]
    public async Task Delete_my_data_on_an_open_case_names_it_and_the_thread_says_what_happened()
    {
        var ask = await _chat.SayAsync("delete my data");
        Assert.True(ask.Says(MessageKeys.HandoffDeleteAskOpenCase, ("reference", _case.Reference)), ask.AllText);
        await _chat.SayAsync("yes");
        await DrainAsync();

        Assert.Contains(ThreadLines(), t => Wording.Says(t, StaffMessageKeys.EventsErasedOpenLine));
        Assert.True(Wording.Says(_chat.Connector.Updates[^1].Body!.ToString(), StaffMessageKeys.CardStatusWithdrawn));
    }
}
