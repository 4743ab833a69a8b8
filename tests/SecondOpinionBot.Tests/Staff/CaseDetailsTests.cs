using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>The full case in a Teams dialog (task/fetch, task/submit), and "Message patient", through the real host.</summary>
public sealed class CaseDetailsTests : IAsyncLifetime
{
    private static readonly StaffMember Carla = new("aad-carla", "Carla Stranger");
    private HandoffHost _host = null!;
    private CaseRecord _case = null!;

    public async Task InitializeAsync() => await StartAsync();

    private async Task StartAsync(Dictionary<string, string?>? settings = null)
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _host = await HandoffHost.StartAsync(settings);
        await _host.BindAsync();
        _case = await _host.PostCaseAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<(int Status, JObject Body)> DialogAsync(string name, string verb, StaffMember who, string? message = null, string channel = TeamsActivities.SocialWorkChannel) =>
        _host.InvokeAsync(TeamsActivities.Task(_host.ServiceUrl, name, TeamsActivities.DialogData(verb, _case.Reference, message: message), channel, who, _case.StaffConversationId));

    private Task<(int Status, JObject Body)> DetailsAsync(StaffMember who) => DialogAsync("task/fetch", "case.details", who);

    private async Task ClaimAsync(StaffMember who)
    {
        var claim = TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, (await _host.CaseAsync(_case.Reference)).Version), TeamsActivities.SocialWorkChannel, who, conversationId: _case.StaffConversationId);
        await _host.InvokeAsync(claim);
    }

    private static string? MessageText(JObject body) => body["task"]?["type"]?.ToString() == "message" ? body["task"]!["value"]!.ToString() : null;

    private static JObject? DialogCard(JObject body) => body["task"]?["type"]?.ToString() == "continue" ? (JObject)body["task"]!["value"]!["card"]!["content"]! : null;

    private async Task<IReadOnlyList<CaseAuditEntry>> AuditAsync() => await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None);

    [Fact]
    public void The_card_opens_Details_with_an_Action_Submit_tagged_task_fetch_never_Action_Execute()
    {
        var card = (JObject)_host.Connector.CreatedConversations[0].Body!["activity"]!["attachments"]![0]!["content"]!;
        var details = card["actions"]!.Single(a => a["title"]!.ToString() == Wording.Messages.Get(StaffMessageKeys.CardButtonsDetails));

        Assert.Equal("Action.Submit", details["type"]!.ToString());
        Assert.Equal("task/fetch", details["data"]!["msteams"]!["type"]!.ToString());
        Assert.Equal("case.details", details["data"]!["verb"]!.ToString());
    }

    [Fact]
    public async Task Details_shows_the_whole_case_to_the_person_who_asked_and_is_audited()
    {
        var (status, body) = await DetailsAsync(TeamsActivities.Ben);

        Assert.Equal(200, status);
        Assert.Equal("large", body["task"]!["value"]!["height"]!.ToString());
        var card = DialogCard(body)!.ToString();
        Assert.Contains(Personas.MayaConcern, card);
        Assert.Contains(Personas.MayaQuestion, card);
        Assert.Contains(Personas.MayaProposed, card);
        Assert.Contains(Personas.MayaPhone, card);
        Assert.Contains(Personas.MayaEmail, card);
        Assert.Contains("weekday mornings before 10", card);
        Assert.Contains("Northside Breast Clinic", card);
        Assert.Contains("Imaging: needs help getting it", card);
        Assert.Contains("unverified web chat visitor", card);
        var audit = Assert.Single(await AuditAsync(), a => a.Action == "details-viewed");
        Assert.Equal("aad-ben", audit.Actor);
        Assert.DoesNotContain("Maya", audit.Detail ?? "");
    }

    [Fact]
    public async Task Every_Details_view_is_audited_and_the_roster_is_asked_afresh_each_time()
    {
        await DetailsAsync(TeamsActivities.Ana);
        await DetailsAsync(TeamsActivities.Ana);

        Assert.Equal(2, (await AuditAsync()).Count(a => a.Action == "details-viewed"));
        Assert.Equal(2, _host.Connector.MemberLookups.Count);
        Assert.All(_host.Connector.MemberLookups, c => Assert.StartsWith($"/v3/conversations/{TeamsActivities.Team}/members/", Uri.UnescapeDataString(c.Path)));
    }

    [Fact]
    public async Task Someone_not_in_the_bound_team_is_refused_even_from_the_bound_channel()
    {
        var (_, body) = await DetailsAsync(Carla);

        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotTeamMember), MessageText(body));
        Assert.DoesNotContain(Personas.MayaPhone, body.ToString());
        Assert.Contains(await AuditAsync(), a => a.Action == "staff-action-refused" && a.Detail == "not-team-member; verb=case.details");
        Assert.DoesNotContain(await AuditAsync(), a => a.Action == "details-viewed");
    }

    [Fact]
    public async Task A_member_removed_from_the_team_loses_Details_at_once()
    {
        await DetailsAsync(TeamsActivities.Ben);
        _host.Connector.RemoveTeamMember(TeamsActivities.Team, "29:aad-ben", "aad-ben");

        var (_, body) = await DetailsAsync(TeamsActivities.Ben);

        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotTeamMember), MessageText(body));
    }

    [Fact]
    public async Task Details_of_another_queues_case_is_answered_as_unknown_and_shows_nothing()
    {
        await _host.BindAsync(QueueNames.CareCoordination, TeamsActivities.CoordinationChannel);

        var (_, body) = await DialogAsync("task/fetch", "case.details", TeamsActivities.Ana, channel: TeamsActivities.CoordinationChannel);

        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.UnknownCase), MessageText(body));
        Assert.DoesNotContain(Personas.MayaConcern, body.ToString());
    }

    [Fact]
    public async Task A_dialog_request_from_a_patients_chat_is_refused_and_audited()
    {
        var forged = TeamsActivities.PatientInvoke(_host.ServiceUrl, TeamsActivities.DialogData("case.details", _case.Reference));
        forged["name"] = "task/fetch";
        forged["value"] = new JObject { ["data"] = TeamsActivities.DialogData("case.details", _case.Reference) };

        var (_, body) = await _host.InvokeAsync(forged);

        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.PatientConversation), MessageText(body));
        Assert.Contains(await AuditAsync(), a => a.Action == "staff-action-refused" && a.Detail!.StartsWith("patient-conversation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_payload_without_a_version_is_refused_with_a_clear_line()
    {
        var data = TeamsActivities.DialogData("case.details", _case.Reference);
        data.Remove(SecondOpinionBot.Dialogs.Cards.CardTag.VersionKey);

        var (_, body) = await _host.InvokeAsync(TeamsActivities.Task(_host.ServiceUrl, "task/fetch", data, TeamsActivities.SocialWorkChannel, TeamsActivities.Ana, _case.StaffConversationId));

        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.MalformedAction), MessageText(body));
        Assert.DoesNotContain(await AuditAsync(), a => a.Action == "details-viewed");
    }

    [Fact]
    public async Task With_details_for_the_assignee_only_a_colleague_is_refused_and_a_lead_is_not()
    {
        await StartAsync(new() { ["Handoff:DetailsAssigneeOnly"] = "true", ["Handoff:LeadUserObjectIds:0"] = "aad-lead" });
        var lead = new StaffMember("aad-lead", "Lee Lead");
        _host.Connector.AddTeamMember(TeamsActivities.Team, "29:aad-lead", "aad-lead", lead.Name);
        await ClaimAsync(TeamsActivities.Ana);

        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.DetailsAssigneeOnly), MessageText((await DetailsAsync(TeamsActivities.Ben)).Body));
        Assert.NotNull(DialogCard((await DetailsAsync(TeamsActivities.Ana)).Body));
        Assert.NotNull(DialogCard((await DetailsAsync(lead)).Body));
    }

    [Fact]
    public async Task The_assignee_messages_the_patient_from_a_dialog_and_it_reaches_the_patients_chat()
    {
        await ClaimAsync(TeamsActivities.Ana);

        var (_, form) = await DialogAsync("task/fetch", "case.message", TeamsActivities.Ana);
        var input = DialogCard(form)!.SelectToken("$.body[?(@.type == 'Input.Text')]")!;
        Assert.Equal("message", input["id"]!.ToString());
        var send = DialogCard(form)!["actions"]![0]!;
        Assert.Equal("Action.Submit", send["type"]!.ToString());

        var (_, sent) = await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ana, "Can I call you tomorrow at 10?");
        Assert.True(Wording.Says(MessageText(sent), StaffMessageKeys.MessageSentKept), MessageText(sent));
        await _host.DrainAsync();

        Assert.Contains(_host.Connector.TextsIn(HandoffHost.PatientConversationId), t => Wording.Says(t, MessageKeys.HandoffFromStaff, ("staffName", "Ana"), ("text", "Can I call you tomorrow at 10?")));
        Assert.Contains(Wording.Messages.Format(StaffMessageKeys.MessageSentLine, ("name", "Ana")), _host.Connector.TextsIn(_case.StaffConversationId!));
        Assert.DoesNotContain(_host.Connector.TextsIn(_case.StaffConversationId!), t => t.Contains("tomorrow", StringComparison.Ordinal));
        var details = DialogCard((await DetailsAsync(TeamsActivities.Ana)).Body)!.ToString();
        Assert.True(Wording.Says(details, StaffMessageKeys.DetailsToPatient, ("name", "Ana"), ("text", "Can I call you tomorrow at 10?")), details);
        Assert.Contains(await AuditAsync(), a => a.Action == "message-to-patient" && a.Actor == "aad-ana" && !a.Detail!.Contains("tomorrow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_are_stored_encrypted_with_the_patients_key()
    {
        await ClaimAsync(TeamsActivities.Ana);
        await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ana, "Your biopsy slides are ready.");

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.Factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT text FROM case_messages";
        var stored = (string)read.ExecuteScalar()!;
        Assert.StartsWith(SecondOpinionBot.Storage.Protection.PatientDataProtector.Prefix, stored);
        Assert.DoesNotContain("biopsy", stored);
        var message = Assert.Single(await _host.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(_case.Id, CancellationToken.None));
        Assert.Equal("Your biopsy slides are ready.", message.Text);
    }

    [Fact]
    public async Task A_send_retried_three_times_sends_once()
    {
        await ClaimAsync(TeamsActivities.Ana);

        for (var i = 0; i < 3; i++)
        {
            var (_, sent) = await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ana, "Please bring your scans.");
            // Every retry hears that it was sent (the first also where it is kept).
            Assert.True(Wording.Says(MessageText(sent), StaffMessageKeys.MessageSent), MessageText(sent));
        }

        await _host.DrainAsync();
        Assert.Single(_host.Connector.TextsIn(HandoffHost.PatientConversationId), t => t.Contains("Please bring your scans.", StringComparison.Ordinal));
        Assert.Single(await _host.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(_case.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_message_is_refused_in_the_form_and_nothing_is_sent(string text)
    {
        await ClaimAsync(TeamsActivities.Ana);

        var (_, body) = await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ana, text);

        Assert.True(Wording.Says(DialogCard(body)!.ToString(), StaffMessageKeys.MessageWriteFirst), DialogCard(body)!.ToString());
        Assert.Empty(await _host.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(_case.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_over_long_message_is_refused_and_nothing_is_sent()
    {
        await ClaimAsync(TeamsActivities.Ana);

        var (_, body) = await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ana, new string('a', StaffDialogs.MaxMessageLength + 1));

        Assert.True(Wording.Says(DialogCard(body)!.ToString(), StaffMessageKeys.MessageTooLong, ("length", (StaffDialogs.MaxMessageLength + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))), DialogCard(body)!.ToString());
        await _host.DrainAsync();
        Assert.DoesNotContain(_host.Connector.TextsIn(HandoffHost.PatientConversationId), t => t.StartsWith("From", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_assignee_can_message_the_patient()
    {
        await ClaimAsync(TeamsActivities.Ana);

        var (_, body) = await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ben, "Hello from Ben");

        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.MessageNotAssignee), MessageText(body));
        Assert.Contains(await AuditAsync(), a => a.Detail == "message-not-assignee; verb=case.message.send");
    }

    [Fact]
    public async Task A_message_to_a_patient_who_deleted_their_data_is_refused_and_Details_says_so()
    {
        await ClaimAsync(TeamsActivities.Ana);
        await _host.Cases.ErasePersonalDataAsync("webchat:patient-1", CancellationToken.None);

        var (_, body) = await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ana, "Are you there?");
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.PatientDataDeleted), MessageText(body));

        var details = DialogCard((await DetailsAsync(TeamsActivities.Ana)).Body)!.ToString();
        Assert.True(Wording.Says(details, StaffMessageKeys.DetailsErased));
        Assert.DoesNotContain(Personas.MayaPhone, details);
    }

    [Fact]
    public async Task Nothing_sent_to_a_channel_or_a_staff_chat_holds_the_patients_details_while_the_dialog_answer_does()
    {
        await ClaimAsync(TeamsActivities.Ana);
        var (_, details) = await DetailsAsync(TeamsActivities.Ana);
        await DialogAsync("task/submit", "case.message.send", TeamsActivities.Ana, "Can we talk about your biopsy question?");
        var resolve = TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.resolve", _case.Reference, (await _host.CaseAsync(_case.Reference)).Version, "support-arranged"), TeamsActivities.SocialWorkChannel, TeamsActivities.Ana, conversationId: _case.StaffConversationId);
        await _host.InvokeAsync(resolve);
        await _host.DrainAsync();

        string[] secrets = [Personas.MayaPhone, Personas.MayaEmail, Personas.MayaConcern, Personas.MayaQuestion, Personas.MayaProposed, "biopsy", "BI-RADS", "Northside"];
        var toStaff = _host.Connector.Calls.Where(c => !Uri.UnescapeDataString(c.Path).Contains(HandoffHost.PatientConversationId, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(toStaff);
        foreach (var call in toStaff)
        {
            var sent = call.Body?.ToString() ?? "";
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, sent, StringComparison.OrdinalIgnoreCase));
        }

        var answer = details.ToString();
        Assert.All(secrets.Take(5), secret => Assert.Contains(secret, answer));
    }
}
