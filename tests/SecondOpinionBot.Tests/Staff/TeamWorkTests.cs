using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>
/// The team's daily work through Teams-shaped traffic and the fake connector: assign (command with a mention, and the
/// card's people picker), unassign, transfer across two bound channels, reopen, notes, history, queue filters and
/// "my cases". Roster look-ups are answered by the fake; Ana and Ben are in the team, Carla is not.
/// </summary>
public sealed class TeamWorkTests : IAsyncLifetime
{
    private static readonly StaffMember Carla = new("aad-carla", "Carla Diaz");
    private const string Handover = "Maya's referral letter is drafted; she needs a ride to the Friday visit.";

    private HandoffHost _host = null!;
    private CaseRecord _case = null!;

    public async Task InitializeAsync()
    {
        _host = await HandoffHost.StartAsync();
        await _host.BindAsync();
        _case = await _host.PostCaseAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A channel message to the bot, with Teams' mention entities for the bot and anyone else named.</summary>
    private JObject Command(string text, StaffMember? from = null, string channel = TeamsActivities.SocialWorkChannel, params StaffMember[] mentions)
    {
        var typed = text;
        var entities = new JArray
        {
            new JObject { ["type"] = "mention", ["text"] = "<at>SecondOpinionBot</at>", ["mentioned"] = new JObject { ["id"] = "28:bot", ["name"] = "SecondOpinionBot" } },
        };
        foreach (var person in mentions)
        {
            typed += $" <at>{person.Name}</at>";
            entities.Add(new JObject { ["type"] = "mention", ["text"] = $"<at>{person.Name}</at>", ["mentioned"] = new JObject { ["id"] = "29:" + person.AadObjectId, ["name"] = person.Name } });
        }

        var activity = TeamsActivities.ChannelMessage(_host.ServiceUrl, typed, channel, from);
        activity["entities"] = entities;
        return activity;
    }

    private async Task<string> SayAsync(string text, StaffMember? from = null, string channel = TeamsActivities.SocialWorkChannel, params StaffMember[] mentions)
    {
        var before = _host.Connector.TextsIn(channel).Count;
        (await _host.SendAsync(Command(text, from, channel, mentions))).EnsureSuccessStatusCode();
        return _host.Connector.TextsIn(channel).Skip(before).Last();
    }

    private IReadOnlyList<string> ThreadLines(CaseRecord? record = null) => _host.Connector.TextsIn((record ?? _case).StaffConversationId!);

    private Task<IReadOnlyList<CaseAuditEntry>> AuditAsync() => _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None);

    private List<string> PersonalChatsTo(string teamsUserId) => _host.Connector.Calls
        .Where(c => c.Method == "POST" && c.Status == 200 && c.Body?["isGroup"]?.Value<bool>() == false && c.Body["members"]?[0]?["id"]?.ToString() == teamsUserId)
        .Select(c => c.Body!["activity"]!["text"]!.ToString()).ToList();

    private async Task<string> DetailsAsync(string channel = TeamsActivities.SocialWorkChannel, CaseRecord? record = null)
    {
        var current = record ?? await _host.CaseAsync(_case.Reference);
        var (_, body) = await _host.InvokeAsync(TeamsActivities.Task(_host.ServiceUrl, "task/fetch", TeamsActivities.DialogData("case.details", current.Reference, current.Version), channel, conversationId: current.StaffConversationId));
        return body.ToString();
    }

    [Fact]
    public async Task Assign_by_command_checks_the_roster_gives_the_case_and_tells_the_assignee_the_thread_and_the_patient()
    {
        var reply = await SayAsync($"assign {_case.Reference}", TeamsActivities.Ana, mentions: TeamsActivities.Ben);
        await _host.DrainAsync();

        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.Claimed, stored.Status);
        Assert.Equal("aad-ben", stored.AssigneeId);
        Assert.Equal("29:aad-ben", stored.AssigneeUserId);
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkAssignedNote, ("name", "Ben")), reply);
        Assert.Contains(StaffWording.Get(StaffMessageKeys.WorkAssignedLine, ("by", "Ana"), ("name", "Ben")), ThreadLines());
        Assert.Contains(_case.Reference, Assert.Single(PersonalChatsTo("29:aad-ben")));
        Assert.True(Wording.Says(_host.Connector.Updates[^1].Body!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ben")));
        Assert.StartsWith("Good news. Ben,", _host.Connector.TextsIn(HandoffHost.PatientConversationId)[^1]);
        Assert.Contains(_host.Connector.MemberLookups, c => Uri.UnescapeDataString(c.Path).EndsWith("/members/29:aad-ben", StringComparison.Ordinal));
        Assert.Contains(await AuditAsync(), a => a.Action == "assigned" && a.Actor == "aad-ana" && a.Detail == "to=aad-ben");
    }

    [Fact]
    public async Task Assigning_someone_who_is_not_in_the_team_is_refused_and_changes_nothing()
    {
        var reply = await SayAsync($"assign {_case.Reference}", TeamsActivities.Ana, mentions: Carla);
        var noMention = await SayAsync($"assign {_case.Reference}", TeamsActivities.Ana);

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkAssignNotMember), reply);
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkAssignWho, ("reference", _case.Reference)), noMention);
        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.New, stored.Status);
        Assert.Equal(_case.Version, stored.Version);
        await _host.DrainAsync();
        Assert.Empty(ThreadLines());
    }

    [Fact]
    public async Task The_cards_people_picker_assigns_by_Entra_id_and_a_retried_invoke_has_one_effect()
    {
        var data = TeamsActivities.CardData("case.assign", _case.Reference, _case.Version);
        data["assignee"] = "aad-ben";
        var answers = new List<JObject>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await _host.InvokeAsync(TeamsActivities.Invoke(_host.ServiceUrl, (JObject)data.DeepClone(), TeamsActivities.SocialWorkChannel, TeamsActivities.Ana, conversationId: _case.StaffConversationId))).Body);
        }

        await _host.DrainAsync();
        Assert.All(answers, a => Assert.True(Wording.Says(a["value"]!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ben"))));
        Assert.Equal(_case.Version + 1, (await _host.CaseAsync(_case.Reference)).Version);
        Assert.Single(ThreadLines());
        Assert.Single(PersonalChatsTo("29:aad-ben"));

        // The picker offers the people of this team (Data.Query), and the card names who has it.
        var card = (JObject)_host.Connector.CreatedConversations[0].Body!["activity"]!["attachments"]![0]!["content"]!;
        var picker = card.Descendants().OfType<JObject>().Single(o => o["id"]?.ToString() == "assignee");
        Assert.Equal("graph.microsoft.com/users?scope=currentContext", picker["choices.data"]!["dataset"]!.ToString());
    }

    [Fact]
    public async Task Unassign_puts_the_case_back_only_for_the_assignee_or_a_lead()
    {
        await SayAsync($"assign {_case.Reference}", TeamsActivities.Ana, mentions: TeamsActivities.Ben);

        var refused = await SayAsync($"unassign {_case.Reference}", TeamsActivities.Ana);
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkUnassignNotYours), refused);
        Assert.Equal(CaseStatus.Claimed, (await _host.CaseAsync(_case.Reference)).Status);

        await SayAsync($"unassign {_case.Reference}", TeamsActivities.Ben);
        await _host.DrainAsync();
        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.New, stored.Status);
        Assert.Null(stored.AssigneeId);
        Assert.Contains(StaffWording.Get(StaffMessageKeys.WorkUnassignedLine, ("by", "Ben")), ThreadLines());
        Assert.Contains("New: waiting for someone to claim it", _host.Connector.Updates[^1].Body!.ToString());
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkNotClaimed), await SayAsync($"unassign {_case.Reference}", TeamsActivities.Ben));
    }

    [Fact]
    public async Task Transfer_moves_the_case_to_the_other_bound_channel_with_a_private_handover_note()
    {
        await _host.BindAsync(QueueNames.CareCoordination, TeamsActivities.CoordinationChannel);
        await SayAsync($"assign {_case.Reference}", TeamsActivities.Ana, mentions: TeamsActivities.Ben);
        await _host.DrainAsync();
        var oldThread = _case.StaffConversationId!;
        var oldCard = _case.StaffCardActivityId!;

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkTransferNeedsNote, ("reference", _case.Reference)), await SayAsync($"transfer {_case.Reference}", TeamsActivities.Ben));
        var reply = await SayAsync($"transfer {_case.Reference} {Handover}", TeamsActivities.Ben);
        await _host.DrainAsync();

        var moved = await _host.CaseAsync(_case.Reference);
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkTransferredNote, ("queueName", "care coordination")), reply);
        Assert.Equal(QueueNames.CareCoordination, moved.Queue);
        Assert.Equal(CaseStatus.Transferred, moved.Status);
        Assert.Null(moved.AssigneeId);
        Assert.StartsWith(TeamsActivities.CoordinationChannel, moved.StaffConversationId);
        Assert.Contains(_host.Connector.CreatedConversations, c => c.Body!["channelData"]?["channel"]?["id"]?.ToString() == TeamsActivities.CoordinationChannel
            && c.Body["activity"]!.ToString().Contains(_case.Reference, StringComparison.Ordinal));
        var oldCardNow = _host.Connector.Updates.Last(u => Uri.UnescapeDataString(u.Path).EndsWith("/activities/" + oldCard, StringComparison.Ordinal)
            && Uri.UnescapeDataString(u.Path).Contains(oldThread, StringComparison.Ordinal));
        Assert.True(Wording.Says(oldCardNow.Body!.ToString(), StaffMessageKeys.CardMovedAway, ("queueName", "care coordination")), oldCardNow.Body.ToString());
        Assert.DoesNotContain("case.claim", oldCardNow.Body.ToString());
        Assert.Contains(ThreadLines(moved), t => t.StartsWith("Ben transferred this case to care coordination", StringComparison.Ordinal));
        Assert.StartsWith($"Your case {_case.Reference} is now with a care coordinator", _host.Connector.TextsIn(HandoffHost.PatientConversationId)[^1]);

        // The handover note is in Details for the new queue, and in no channel post.
        Assert.Contains("Maya's referral letter is drafted", await DetailsAsync(TeamsActivities.CoordinationChannel, moved));
        Assert.All(_host.Connector.Calls.Where(c => !Uri.UnescapeDataString(c.Path).Contains(HandoffHost.PatientConversationId, StringComparison.Ordinal)),
            c => Assert.DoesNotContain("referral letter", c.Body?.ToString() ?? "", StringComparison.Ordinal));

        // The old channel can no longer act on it; the new one can claim it.
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.UnknownCase), await SayAsync($"history {_case.Reference}", TeamsActivities.Ana));
        var claim = TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, moved.Version), TeamsActivities.CoordinationChannel, TeamsActivities.Ana, conversationId: moved.StaffConversationId);
        Assert.True(Wording.Says((await _host.InvokeAsync(claim)).Body["value"]!.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ana")));
    }

    [Fact]
    public async Task Transfer_is_refused_while_the_other_queue_has_no_channel()
    {
        var reply = await SayAsync($"transfer {_case.Reference} {Handover}", TeamsActivities.Ana);

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkTransferUnbound, ("queueName", "care coordination"), ("queue", "care-coordination")), reply);
        Assert.Equal(QueueNames.SocialWork, (await _host.CaseAsync(_case.Reference)).Queue);
    }

    [Fact]
    public async Task Reopen_opens_a_resolved_case_and_refuses_an_open_one()
    {
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkAlreadyOpen), await SayAsync($"reopen {_case.Reference}", TeamsActivities.Ana));
        await _host.InvokeAsync(TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.claim", _case.Reference, _case.Version), TeamsActivities.SocialWorkChannel, conversationId: _case.StaffConversationId));
        await _host.InvokeAsync(TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.resolve", _case.Reference, _case.Version + 1, "no-longer-needed"), TeamsActivities.SocialWorkChannel, conversationId: _case.StaffConversationId));
        var resolved = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.Resolved, resolved.Status);

        // From the card (Reopen is an Execute action on a resolved card), answered with the card as it now is.
        var (_, body) = await _host.InvokeAsync(TeamsActivities.Invoke(_host.ServiceUrl, TeamsActivities.CardData("case.reopen", _case.Reference, resolved.Version), TeamsActivities.SocialWorkChannel, TeamsActivities.Ben, conversationId: _case.StaffConversationId));
        await _host.DrainAsync();

        Assert.Contains("Reopened: waiting for someone to claim it", body["value"]!.ToString());
        Assert.Equal(CaseStatus.Reopened, (await _host.CaseAsync(_case.Reference)).Status);
        Assert.Contains(StaffWording.Get(StaffMessageKeys.WorkReopenedLine, ("by", "Ben")), ThreadLines());
    }

    [Fact]
    public async Task A_note_is_kept_in_Details_the_thread_only_hears_that_there_is_one_and_an_over_long_note_is_refused()
    {
        var reply = await SayAsync($"note {_case.Reference} Called the clinic, records come Tuesday", TeamsActivities.Ana);
        var tooLong = await SayAsync($"note {_case.Reference} {new string('x', SecondOpinionBot.Staff.StaffCaseChanges.MaxNoteLength + 1)}", TeamsActivities.Ana);
        await _host.DrainAsync();

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkNoteSaved), reply);
        Assert.True(Wording.Says(tooLong, StaffMessageKeys.WorkNoteTooLong, ("length", "1001")), tooLong);
        Assert.Equal([StaffWording.Get(StaffMessageKeys.WorkNoteLine, ("by", "Ana"))], ThreadLines());
        Assert.Contains("Called the clinic, records come Tuesday", await DetailsAsync());
        var stored = await _host.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(_case.Id, CancellationToken.None);
        Assert.Equal(MessageDirection.StaffNote, Assert.Single(stored).Direction);
        Assert.DoesNotContain(_host.Connector.TextsIn(HandoffHost.PatientConversationId), t => t.Contains("Called the clinic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_note_from_the_card_is_a_dialog_form_and_its_save_keeps_the_note_out_of_the_channel()
    {
        var (_, form) = await _host.InvokeAsync(TeamsActivities.Task(_host.ServiceUrl, "task/fetch", TeamsActivities.DialogData("case.note", _case.Reference, _case.Version), TeamsActivities.SocialWorkChannel, conversationId: _case.StaffConversationId));
        Assert.Equal("continue", form["task"]!["type"]!.ToString());
        Assert.Contains("\"id\": \"note\"", form.ToString());

        var save = TeamsActivities.DialogData("case.note.send", _case.Reference, _case.Version);
        save["note"] = "Patient prefers calls after 4pm";
        var (_, saved) = await _host.InvokeAsync(TeamsActivities.Task(_host.ServiceUrl, "task/submit", save, TeamsActivities.SocialWorkChannel, conversationId: _case.StaffConversationId));
        await _host.DrainAsync();

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkNoteSaved), saved["task"]!["value"]!.ToString());
        Assert.Contains("Patient prefers calls after 4pm", await DetailsAsync());
        Assert.All(_host.Connector.Calls, c => Assert.DoesNotContain("after 4pm", c.Body?.ToString() ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transfer_from_the_card_is_a_dialog_asking_for_the_handover_note_and_its_submit_moves_the_case_once()
    {
        await _host.BindAsync(QueueNames.CareCoordination, TeamsActivities.CoordinationChannel);
        JObject Submit(string? note)
        {
            var data = TeamsActivities.DialogData("case.transfer.send", _case.Reference, _case.Version);
            if (note is not null)
            {
                data["note"] = note;
            }

            return TeamsActivities.Task(_host.ServiceUrl, "task/submit", data, TeamsActivities.SocialWorkChannel, TeamsActivities.Ana, conversationId: _case.StaffConversationId);
        }

        var (_, form) = await _host.InvokeAsync(TeamsActivities.Task(_host.ServiceUrl, "task/fetch", TeamsActivities.DialogData("case.transfer", _case.Reference, _case.Version), TeamsActivities.SocialWorkChannel, TeamsActivities.Ana, conversationId: _case.StaffConversationId));
        Assert.Equal("continue", form["task"]!["type"]!.ToString());
        Assert.Equal(StaffWording.Get(StaffMessageKeys.FormsTransferTitle, ("reference", _case.Reference), ("queueName", "care coordination")), form["task"]!["value"]!["title"]!.ToString());
        var card = form["task"]!["value"]!["card"]!["content"]!;
        Assert.Contains(card["body"]!, b => b["type"]?.ToString() == "Input.Text" && b["id"]?.ToString() == "note" && (bool)b["isRequired"]!);
        Assert.Equal("case.transfer.send", card["actions"]![0]!["data"]!["verb"]!.ToString());

        // Sent empty (a client that skips the required check): the form comes back saying what is missing, nothing moves.
        var (_, again) = await _host.InvokeAsync(Submit("   "));
        Assert.Equal("continue", again["task"]!["type"]!.ToString());
        Assert.Contains(StaffWording.Get(StaffMessageKeys.WorkTransferNeedsNote, ("reference", _case.Reference)), again.ToString());
        Assert.Equal(QueueNames.SocialWork, (await _host.CaseAsync(_case.Reference)).Queue);

        var (_, done) = await _host.InvokeAsync(Submit(Handover));
        await _host.DrainAsync();
        Assert.Equal("message", done["task"]!["type"]!.ToString());
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkTransferredNote, ("queueName", "care coordination")), done["task"]!["value"]!.ToString());
        var moved = await _host.CaseAsync(_case.Reference);
        Assert.Equal((QueueNames.CareCoordination, CaseStatus.Transferred), (moved.Queue, moved.Status));
        Assert.Contains(ThreadLines(moved), t => t.StartsWith("Ana transferred this case to care coordination", StringComparison.Ordinal));
        Assert.Contains("Maya's referral letter is drafted", await DetailsAsync(TeamsActivities.CoordinationChannel, moved));

        // Teams resends a submit it thinks timed out: the case is not moved back or posted again.
        var threads = _host.Connector.CreatedConversations.Count;
        await _host.InvokeAsync(Submit(Handover));
        await _host.DrainAsync();
        var after = await _host.CaseAsync(_case.Reference);
        Assert.Equal((QueueNames.CareCoordination, moved.Version), (after.Queue, after.Version));
        Assert.Equal(threads, _host.Connector.CreatedConversations.Count);
        var notes = (await _host.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(_case.Id, CancellationToken.None)).Where(m => m.Direction == MessageDirection.StaffNote);
        Assert.Single(notes);
        Assert.All(_host.Connector.Calls.Where(c => !Uri.UnescapeDataString(c.Path).Contains(HandoffHost.PatientConversationId, StringComparison.Ordinal)),
            c => Assert.DoesNotContain("referral letter", c.Body?.ToString() ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task History_tells_the_audit_trail_in_words_to_staff_of_the_queue()
    {
        await SayAsync($"assign {_case.Reference}", TeamsActivities.Ana, mentions: TeamsActivities.Ben);
        await SayAsync($"note {_case.Reference} left a voicemail", TeamsActivities.Ben);

        var history = await SayAsync($"history {_case.Reference}", TeamsActivities.Ana);

        Assert.StartsWith(StaffWording.Get(StaffMessageKeys.WorkHistoryHeading, ("reference", _case.Reference)), history, StringComparison.Ordinal);
        Assert.Contains(StaffWording.Get(StaffMessageKeys.HistoryCreated), history);
        Assert.Contains(StaffWording.Get(StaffMessageKeys.HistoryAssigned), history);
        Assert.Contains("Ben · " + StaffWording.Get(StaffMessageKeys.HistoryNoteAdded), history);
        Assert.DoesNotContain("voicemail", history);
        Assert.Contains(await AuditAsync(), a => a.Action == "history-viewed" && a.Actor == "aad-ana");
        var stranger = await SayAsync($"history {_case.Reference}", Carla);
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotTeamMember), stranger);
    }

    [Fact]
    public async Task Queue_filters_and_my_cases_list_the_right_cases()
    {
        var second = await _host.SubmitCaseAsync(priority: SecondOpinionBot.Handoff.CasePriority.Urgent);
        await _host.DrainAsync();
        await SayAsync($"assign {second.Reference}", TeamsActivities.Ana, mentions: TeamsActivities.Ben);

        var unassigned = await SayAsync("queue unassigned", TeamsActivities.Ana);
        var mine = await SayAsync("queue mine", TeamsActivities.Ben);

        Assert.Contains(_case.Reference, unassigned);
        Assert.DoesNotContain(second.Reference, unassigned);
        Assert.Contains(second.Reference, mine);
        Assert.DoesNotContain(_case.Reference, mine);

        (await _host.SendAsync(PersonalMessage(TeamsActivities.Ben, "my cases"))).EnsureSuccessStatusCode();
        var list = _host.Connector.TextsIn("a:personal-aad-ben")[^1];
        Assert.StartsWith(StaffWording.Get(StaffMessageKeys.WorkMyCasesHeading, ("count", "1")), list, StringComparison.Ordinal);
        Assert.Contains(second.Reference, list);
        (await _host.SendAsync(PersonalMessage(TeamsActivities.Ana, "my cases"))).EnsureSuccessStatusCode();
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkMyCasesNone), _host.Connector.TextsIn("a:personal-aad-ana")[^1]);
    }

    private JObject PersonalMessage(StaffMember from, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _host.ServiceUrl,
        ["from"] = new JObject { ["id"] = "29:" + from.AadObjectId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
        ["recipient"] = new JObject { ["id"] = "28:bot" },
        ["conversation"] = new JObject { ["id"] = "a:personal-" + from.AadObjectId, ["conversationType"] = "personal", ["tenantId"] = TeamsActivities.Tenant },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = TeamsActivities.Tenant } },
        ["text"] = text,
    };
}
