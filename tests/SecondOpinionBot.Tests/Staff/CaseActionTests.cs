using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>A case posted to the bound channel, then claimed and resolved from its card.</summary>
public sealed class CaseActionTests : IAsyncLifetime
{
    private HandoffHost _host = null!;
    private CaseRecord _case = null!;

    public async Task InitializeAsync()
    {
        _host = await HandoffHost.StartAsync();
        await _host.BindAsync();
        _case = await _host.PostCaseAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private JObject Claim(StaffMember who, int version, string? conversationId = null) =>
        TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, version), TeamsActivities.SocialWorkChannel, who, conversationId: conversationId ?? _case.StaffConversationId);

    private JObject Resolve(StaffMember who, int version, string? outcome) =>
        TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.resolve", _case.Reference, version, outcome), TeamsActivities.SocialWorkChannel, who, conversationId: _case.StaffConversationId);

    [Fact]
    public async Task A_submitted_case_becomes_one_new_thread_in_the_bound_channel_with_its_card()
    {
        var created = Assert.Single(_host.Connector.CreatedConversations);
        Assert.True((bool)created.Body!["isGroup"]!);
        Assert.Equal(TeamsActivities.SocialWorkChannel, created.Body["channelData"]!["channel"]!["id"]!.ToString());
        var card = created.Body["activity"]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.ToString());
        Assert.Contains(_case.Reference, card["content"]!.ToString());
        Assert.DoesNotContain(Personas.MayaPhone, created.Body.ToString());
        Assert.DoesNotContain(Personas.MayaEmail, created.Body.ToString());
        Assert.DoesNotContain(Personas.MayaConcern, created.Body.ToString());
        // The thread id and the root card's activity id Teams answered with are what the case remembers.
        Assert.NotNull(_case.StaffCardActivityId);
        Assert.Equal($"{TeamsActivities.SocialWorkChannel};messageid={_case.StaffCardActivityId}", _case.StaffConversationId);
    }

    [Fact]
    public async Task Claiming_answers_with_the_updated_card_updates_the_thread_for_everyone_and_tells_the_patient()
    {
        var (status, body) = await _host.InvokeAsync(Claim(TeamsActivities.Ana, _case.Version));

        Assert.Equal(200, status);
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.ToString());
        Assert.True(Wording.Says(body["value"]!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ana")));
        Assert.Equal("case.resolve", body["value"]!["actions"]![0]!["verb"]!.ToString());
        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.Claimed, stored.Status);
        Assert.Equal("aad-ana", stored.AssigneeId);

        await _host.DrainAsync();

        var update = Assert.Single(_host.Connector.Updates);
        Assert.EndsWith($"/activities/{_case.StaffCardActivityId}", Uri.UnescapeDataString(update.Path));
        Assert.StartsWith($"/v3/conversations/{_case.StaffConversationId}/activities/", Uri.UnescapeDataString(update.Path));
        Assert.True(Wording.Says(update.Body!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ana")));
        Assert.Equal(["Ana claimed this case."], _host.Connector.TextsIn(_case.StaffConversationId!));
        var notice = Assert.Single(_host.Connector.TextsIn(HandoffHost.PatientConversationId));
        Assert.True(Wording.Says(notice, MessageKeys.HandoffClaimed, ("staffName", "Ana"), ("reference", _case.Reference),
            ("how", Wording.Messages.Get(MessageKeys.HandoffContactByPhone))), notice);
    }

    [Fact]
    public async Task Resolving_needs_an_outcome_then_closes_the_case_and_tells_the_patient()
    {
        await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));
        var claimed = await _host.CaseAsync(_case.Reference);

        var (_, withoutOutcome) = await _host.InvokeAsync(Resolve(TeamsActivities.Ana, claimed.Version, null));
        Assert.True(Wording.Says(withoutOutcome["value"]!.ToString(), StaffMessageKeys.ActionsChooseOutcome), withoutOutcome.ToString());
        Assert.Equal(CaseStatus.Claimed, (await _host.CaseAsync(_case.Reference)).Status);

        var (_, resolved) = await _host.InvokeAsync(Resolve(TeamsActivities.Ana, claimed.Version, "records-gathered"));
        Assert.True(Wording.Says(resolved["value"]!.ToString(), StaffMessageKeys.CardStatusResolved, ("name", "Ana"), ("outcome", "Records gathered")));
        Assert.Equal(Wording.Texts(StaffMessageKeys.CardButtonsReopen, StaffMessageKeys.CardButtonsDetails), resolved["value"]!["actions"]!.Select(a => a["title"]!.ToString()));
        await _host.DrainAsync();

        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.Resolved, stored.Status);
        Assert.Equal("records-gathered", stored.Outcome);
        Assert.Equal([Wording.Messages.Format(StaffMessageKeys.ActionsClaimedLine, ("name", "Ana")), Wording.Messages.Format(StaffMessageKeys.ActionsResolvedLine, ("name", "Ana"), ("outcome", Wording.Messages.Get(StaffMessageKeys.OutcomesRecordsGathered)))], _host.Connector.TextsIn(_case.StaffConversationId!));
        Assert.True(Wording.Says(_host.Connector.Updates[^1].Body!.ToString(), StaffMessageKeys.CardStatusResolved, ("name", "Ana")));
        var notices = _host.Connector.TextsIn(HandoffHost.PatientConversationId);
        Assert.Equal(2, notices.Count);
        Assert.True(Wording.Says(notices[1], MessageKeys.HandoffResolved, ("staffName", "Ana"), ("reference", _case.Reference), ("outcome", Wording.Messages.Get(MessageKeys.HandoffOutcomesRecordsGathered))), notices[1]);
    }

    private JObject TakeOver(StaffMember who, int version) =>
        TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.takeover", _case.Reference, version), TeamsActivities.SocialWorkChannel, who, conversationId: _case.StaffConversationId);

    [Fact]
    public async Task Claim_and_resolve_ask_the_roster_afresh_so_someone_removed_from_the_team_is_refused_at_once()
    {
        var (_, claimed) = await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));
        Assert.Equal(200, (int)claimed["statusCode"]!);
        _host.Connector.RemoveTeamMember(TeamsActivities.Team, "29:aad-ana", "aad-ana");

        var (_, refused) = await _host.InvokeAsync(Resolve(TeamsActivities.Ana, 2, "no-longer-needed"));

        Assert.Equal(403, (int)refused["statusCode"]!);
        Assert.Equal(CaseStatus.Claimed, (await _host.CaseAsync(_case.Reference)).Status);
        Assert.Equal(2, _host.Connector.MemberLookups.Count);
        Assert.Contains(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "staff-action-refused" && a.Detail == "not-team-member; verb=case.resolve");
        var (_, stranger) = await _host.InvokeAsync(Claim(new StaffMember("aad-carla", "Carla Diaz"), 2));
        Assert.Equal(403, (int)stranger["statusCode"]!);
    }

    [Fact]
    public async Task A_colleague_cannot_resolve_someone_elses_case_and_is_told_who_has_it()
    {
        await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));

        var (_, body) = await _host.InvokeAsync(Resolve(TeamsActivities.Ben, 2, "no-longer-needed"));

        Assert.Contains("Only Ana, who has this case, can resolve it", body["value"]!.ToString());
        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.Claimed, stored.Status);
        Assert.Equal(2, stored.Version);
        Assert.Contains(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "staff-action-refused" && a.Detail == "not-assignee; verb=case.resolve");
        await _host.DrainAsync();
        Assert.Equal(["Ana claimed this case."], _host.Connector.TextsIn(_case.StaffConversationId!));
    }

    [Fact]
    public async Task Take_over_is_explicit_audited_announced_and_the_card_names_the_resolver()
    {
        await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));

        var (_, taken) = await _host.InvokeAsync(TakeOver(TeamsActivities.Ben, 2));
        Assert.True(Wording.Says(taken["value"]!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ben")));
        Assert.True(Wording.Says(taken["value"]!.ToString(), StaffMessageKeys.ActionsTookOverNote, ("previous", "Ana")), taken["value"]!.ToString());
        Assert.Contains(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "take-over" && a.Actor == "aad-ben" && a.Detail == "from=aad-ana");

        var (_, resolved) = await _host.InvokeAsync(Resolve(TeamsActivities.Ben, 3, "support-arranged"));
        Assert.True(Wording.Says(resolved["value"]!.ToString(), StaffMessageKeys.CardStatusResolved, ("name", "Ben"), ("outcome", "Support arranged")));
        await _host.DrainAsync();

        Assert.Equal([Wording.Messages.Format(StaffMessageKeys.ActionsClaimedLine, ("name", "Ana")), Wording.Messages.Format(StaffMessageKeys.ActionsTookOverLine, ("name", "Ben"), ("previous", "Ana")), Wording.Messages.Format(StaffMessageKeys.ActionsResolvedLine, ("name", "Ben"), ("outcome", Wording.Messages.Get(StaffMessageKeys.OutcomesSupportArranged)))], _host.Connector.TextsIn(_case.StaffConversationId!));
        var told = Assert.Single(_host.Connector.CreatedConversations, c => c.Body!["isGroup"]?.Value<bool>() != true);
        Assert.Equal("29:aad-ana", told.Body!["members"]![0]!["id"]!.ToString());
        Assert.True(Wording.Says(told.Body["activity"]!["text"]!.ToString(), StaffMessageKeys.ActionsTookOverNotice, ("name", "Ben"), ("reference", _case.Reference)), told.Body["activity"]!["text"]!.ToString());
        Assert.True(Wording.Says(_host.Connector.Updates[^1].Body!.ToString(), StaffMessageKeys.CardStatusResolved, ("name", "Ben")));
        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(("aad-ben", "aad-ben"), (stored.AssigneeId, stored.ResolvedById));
    }

    [Fact]
    public async Task Resolved_by_names_the_resolver_when_the_claim_came_through_the_fallback_of_someone_else()
    {
        // Ana claims, Ben takes over from the Submit fallback (old client), Ben resolves: the card and the audit say Ben.
        await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));
        var submit = TeamsActivities.Submit(_host.ServiceUrl, TeamsActivities.CardData("case.takeover", _case.Reference, 2), TeamsActivities.SocialWorkChannel, TeamsActivities.Ben, _case.StaffConversationId);
        (await _host.SendAsync(submit)).EnsureSuccessStatusCode();
        await _host.InvokeAsync(Resolve(TeamsActivities.Ben, 3, "records-gathered"));
        await _host.DrainAsync();

        var card = _host.Connector.Updates[^1].Body!.ToString();
        Assert.True(Wording.Says(card, StaffMessageKeys.CardStatusResolved, ("name", "Ben")));
        Assert.False(Wording.Says(card, StaffMessageKeys.CardStatusResolved, ("name", "Ana")));
    }

    [Fact]
    public async Task A_retried_action_arriving_three_times_has_one_effect_and_the_same_answer()
    {
        var invoke = Claim(TeamsActivities.Ana, 1);

        var answers = new List<JObject>();
        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await _host.InvokeAsync(invoke);
            Assert.Equal(200, status);
            answers.Add(body);
        }

        Assert.All(answers, a => Assert.True(Wording.Says(a["value"]!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ana"))));
        Assert.All(answers, a => Assert.DoesNotContain("already", a["value"]!.ToString()));
        Assert.Single(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "New->Claimed");
        Assert.Equal(2, (await _host.CaseAsync(_case.Reference)).Version);
        await _host.DrainAsync();
        Assert.Equal(["Ana claimed this case."], _host.Connector.TextsIn(_case.StaffConversationId!));
        Assert.Single(_host.Connector.TextsIn(HandoffHost.PatientConversationId));
        Assert.Single(_host.Connector.Updates);
    }

    private JObject Refresh(StaffMember who) =>
        TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.refresh", _case.Reference, 2), TeamsActivities.SocialWorkChannel, who, conversationId: _case.StaffConversationId);

    [Fact]
    public async Task The_thread_shows_the_base_card_and_only_the_assignee_gets_Resolve_and_Message_patient_on_refresh()
    {
        var (_, claimed) = await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));
        Assert.Contains("case.resolve", claimed["value"]!.ToString());
        await _host.DrainAsync();

        var posted = (JObject)_host.Connector.Updates[^1].Body!["attachments"]![0]!["content"]!;
        Assert.DoesNotContain("case.resolve", posted.ToString());
        Assert.Equal(["29:aad-ana"], posted["refresh"]!["userIds"]!.Select(u => u.ToString()));

        var (_, forAna) = await _host.InvokeAsync(Refresh(TeamsActivities.Ana));
        var anaActions = forAna["value"]!["actions"]!.Select(a => a["title"]!.ToString()).ToList();
        Assert.Equal(Wording.Texts(StaffMessageKeys.CardButtonsResolve, StaffMessageKeys.CardButtonsMessagePatient, StaffMessageKeys.CardButtonsDetails, StaffMessageKeys.CardButtonsAddNote, StaffMessageKeys.CardButtonsTransfer, StaffMessageKeys.CardButtonsUnassign), anaActions);

        var (_, forBen) = await _host.InvokeAsync(Refresh(TeamsActivities.Ben));
        Assert.Equal(Wording.Texts(StaffMessageKeys.CardButtonsTakeOver, StaffMessageKeys.CardButtonsAssignMenu, StaffMessageKeys.CardButtonsDetails, StaffMessageKeys.CardButtonsAddNote, StaffMessageKeys.CardButtonsTransfer), forBen["value"]!["actions"]!.Select(a => a["title"]!.ToString()));

        // Whatever card Ben saw, the server still refuses his Resolve.
        var (_, forged) = await _host.InvokeAsync(Resolve(TeamsActivities.Ben, 2, "no-longer-needed"));
        Assert.Contains("Only Ana", forged["value"]!.ToString());
        Assert.Equal(2, (await _host.CaseAsync(_case.Reference)).Version);
    }

    [Fact]
    public async Task A_card_shown_with_the_case_command_stays_current()
    {
        (await _host.SendAsync(TeamsActivities.ChannelMessage(_host.ServiceUrl, $"case {_case.Reference}", TeamsActivities.SocialWorkChannel))).EnsureSuccessStatusCode();
        Assert.Contains(_host.Connector.Calls, c => c.Method == "POST" && c.Body?["attachments"] is not null
            && Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{TeamsActivities.SocialWorkChannel}/activities", StringComparison.Ordinal));

        await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));
        await _host.DrainAsync();

        Assert.Equal(2, _host.Connector.Updates.Count);
        Assert.Contains(_host.Connector.Updates, u => Uri.UnescapeDataString(u.Path).StartsWith($"/v3/conversations/{TeamsActivities.SocialWorkChannel}/activities/", StringComparison.Ordinal));
        Assert.All(_host.Connector.Updates, u => Assert.True(Wording.Says(u.Body!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ana"))));
    }

    [Fact]
    public async Task A_click_on_an_outdated_card_shows_the_current_state_and_does_nothing_more()
    {
        await _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));

        var (status, body) = await _host.InvokeAsync(Claim(TeamsActivities.Ben, 1));

        Assert.Equal(200, status);
        Assert.True(Wording.Says(body["value"]!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ana")));
        Assert.True(Wording.Says(body["value"]!.ToString(), StaffMessageKeys.ActionsAlreadyClaimed, ("name", "Ana")), body["value"]!.ToString());
        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal("aad-ana", stored.AssigneeId);
        Assert.Equal(2, stored.Version);
        await _host.DrainAsync();
        Assert.Single(_host.Connector.TextsIn(_case.StaffConversationId!));
    }

    [Fact]
    public async Task Two_staff_claiming_at_once_one_wins_and_the_other_sees_who_has_it()
    {
        // Different conversations (the thread and a card shown with "case"), so the turns really run side by side.
        var ana = _host.InvokeAsync(Claim(TeamsActivities.Ana, 1));
        var ben = _host.InvokeAsync(Claim(TeamsActivities.Ben, 1, conversationId: TeamsActivities.SocialWorkChannel));
        var responses = await Task.WhenAll(ana, ben);

        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.Claimed, stored.Status);
        Assert.Equal(2, stored.Version);
        var winner = stored.AssigneeId == "aad-ana" ? "Ana" : "Ben";
        Assert.All(responses, r => Assert.True(Wording.Says(r.Body["value"]!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", winner))));
        Assert.Single(responses, r => Wording.Says(r.Body["value"]!.ToString(), StaffMessageKeys.ActionsAlreadyClaimed, ("name", winner)));
        var claims = (await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None)).Where(a => a.Action == "New->Claimed");
        Assert.Single(claims);
        await _host.DrainAsync();
        Assert.Equal([$"{winner} claimed this case."], _host.Connector.TextsIn(_case.StaffConversationId!));
        Assert.Single(_host.Connector.TextsIn(HandoffHost.PatientConversationId));
    }

    [Fact]
    public async Task The_Submit_fallback_claims_through_the_same_handler()
    {
        var submit = TeamsActivities.Submit(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, 1), TeamsActivities.SocialWorkChannel, TeamsActivities.Ben, _case.StaffConversationId);

        (await _host.SendAsync(submit)).EnsureSuccessStatusCode();
        await _host.DrainAsync();

        Assert.Equal("aad-ben", (await _host.CaseAsync(_case.Reference)).AssigneeId);
        Assert.True(Wording.Says(_host.Connector.Updates[^1].Body!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ben")));
        Assert.Equal(["Ben claimed this case."], _host.Connector.TextsIn(_case.StaffConversationId!));
    }

    [Fact]
    public async Task A_claim_from_a_channel_not_bound_to_the_cases_queue_is_refused()
    {
        await _host.BindAsync(QueueNames.CareCoordination, TeamsActivities.CoordinationChannel);
        var fromOtherChannel = TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, 1), TeamsActivities.CoordinationChannel);

        var (status, body) = await _host.InvokeAsync(fromOtherChannel);

        Assert.Equal(200, status);
        Assert.Equal(403, (int)body["statusCode"]!);
        Assert.Equal(CaseStatus.New, (await _host.CaseAsync(_case.Reference)).Status);
        Assert.Contains(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "staff-action-refused" && a.Detail!.StartsWith("not-bound-channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_claim_from_another_tenant_is_refused_even_with_the_bound_channel_ids()
    {
        var forged = TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, 1), TeamsActivities.SocialWorkChannel, tenant: "tenant-elsewhere", conversationId: _case.StaffConversationId);

        var (_, body) = await _host.InvokeAsync(forged);

        Assert.Equal(403, (int)body["statusCode"]!);
        Assert.Equal(CaseStatus.New, (await _host.CaseAsync(_case.Reference)).Status);
    }

    [Fact]
    public async Task A_staff_payload_typed_into_a_patients_web_chat_is_refused_and_audited()
    {
        var forged = TeamsActivities.PatientSubmit(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, 1));

        (await _host.SendAsync(forged)).EnsureSuccessStatusCode();

        Assert.Equal(CaseStatus.New, (await _host.CaseAsync(_case.Reference)).Status);
        Assert.Equal([StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.PatientConversation)], _host.Connector.TextsIn("patient-conv"));
        var audit = Assert.Single(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "staff-action-refused");
        Assert.Equal("webchat:patient-1", audit.Actor);
        Assert.StartsWith("patient-conversation", audit.Detail);
    }

    [Fact]
    public async Task A_staff_invoke_from_a_patients_Teams_chat_is_refused_and_audited()
    {
        var forged = TeamsActivities.PatientInvoke(_host.ServiceUrl, TeamsActivities.CardData("case.resolve", _case.Reference, 1, "no-longer-needed"));

        var (_, body) = await _host.InvokeAsync(forged);

        Assert.Equal(403, (int)body["statusCode"]!);
        Assert.Equal(CaseStatus.New, (await _host.CaseAsync(_case.Reference)).Status);
        Assert.Contains(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "staff-action-refused" && a.Actor.StartsWith("msteams:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreadable_staff_payload_from_a_patient_is_refused_and_audited_too()
    {
        var data = TeamsActivities.CardData("case.claim", _case.Reference, 1);
        data.Remove(SecondOpinionBot.Dialogs.Cards.CardTag.VersionKey);

        await _host.SendAsync(TeamsActivities.PatientSubmit(_host.ServiceUrl, data));

        Assert.Equal(CaseStatus.New, (await _host.CaseAsync(_case.Reference)).Status);
        Assert.Equal([StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.PatientConversation)], _host.Connector.TextsIn("patient-conv"));
        var audit = Assert.Single(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "staff-action-refused");
        Assert.Equal("patient-conversation; verb=unreadable", audit.Detail);
    }
}
