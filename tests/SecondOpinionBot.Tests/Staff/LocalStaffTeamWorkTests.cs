using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>
/// The team's daily work on the local /staff page (no Teams): assign, unassign, transfer with a handover note, reopen,
/// notes and the overdue flag, with the same role table, case services and refusals as the Teams path.
/// </summary>
public sealed partial class LocalStaffTeamWorkTests : IAsyncLifetime
{
    private const string Ana = "local:ana";
    private const string Ben = "local:ben";
    private const string Chen = "local:chen";
    private const string Handover = "Maya needs a ride to the clinic on Thursday; her referral letter is drafted.";

    private HandoffHost _host = null!;
    private CaseRecord _case = null!;

    public async Task InitializeAsync()
    {
        _host = await HandoffHost.StartAsync();
        _case = await _host.SubmitCaseAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [GeneratedRegex("name=\"af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<p role=\"status\" id=\"notice\">([^<]*)</p>")]
    private static partial Regex NoticeField();

    /// <summary>Posts a form as the page would (fresh token, the case's current version unless given) and returns the notice shown after it.</summary>
    private async Task<string> ActAsync(string action, string persona, Dictionary<string, string>? fields = null, int? version = null)
    {
        var page = await _host.Client.GetStringAsync("/staff/");
        var form = new Dictionary<string, string>(fields ?? [])
        {
            ["af"] = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value),
            ["persona"] = persona,
            ["version"] = (version ?? (await _host.CaseAsync(_case.Reference)).Version).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var response = await _host.Client.PostAsync($"/staff/cases/{_case.Reference}/{action}", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(NoticeField().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    private async Task<IReadOnlyList<CaseMessage>> NotesAsync() =>
        (await _host.Factory.Services.GetRequiredService<ICaseMessageStore>().ListAsync(_case.Id, CancellationToken.None)).Where(m => m.Direction == MessageDirection.StaffNote).ToList();

    [Fact]
    public async Task Assign_to_a_colleague_then_unassign_follow_the_role_table()
    {
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkAssignedNote, ("name", "Ben")), await ActAsync("assign", Ana, new() { ["assignee"] = Ben }));
        var assigned = await _host.CaseAsync(_case.Reference);
        Assert.Equal((CaseStatus.Claimed, Ben, "Ben"), (assigned.Status, assigned.AssigneeId, assigned.AssigneeName));
        Assert.Contains(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "assigned" && a.Actor == Ana);

        // Someone not on the page's team, and a second press of the same (now outdated) button, change nothing.
        Assert.Equal(StaffWording.Get(StaffMessageKeys.LocalPageNotAPerson), await ActAsync("assign", Ana, new() { ["assignee"] = "29:stranger" }));
        Assert.Equal(StaffWording.Get(StaffMessageKeys.LocalPageOutOfDate), await ActAsync("assign", Ana, new() { ["assignee"] = Ben }, version: assigned.Version - 1));

        // A member puts back only their own case; a lead may put back anyone's.
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkUnassignNotYours), await ActAsync("unassign", Ana));
        Assert.Equal(Ben, (await _host.CaseAsync(_case.Reference)).AssigneeId);
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkUnassignedLine, ("by", "Chen")), await ActAsync("unassign", Chen));
        var back = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.New, back.Status);
        Assert.Null(back.AssigneeId);
    }

    [Fact]
    public async Task Transfer_moves_the_case_to_the_other_queue_with_the_handover_note_in_Details_and_tells_the_patient()
    {
        await ActAsync("claim", Ana);

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkTransferNeedsNote, ("reference", _case.Reference)), await ActAsync("transfer", Ana, new() { ["note"] = "  " }));
        Assert.Equal(QueueNames.SocialWork, (await _host.CaseAsync(_case.Reference)).Queue);

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkTransferredNote, ("queueName", "care coordination")), await ActAsync("transfer", Ana, new() { ["note"] = Handover }));
        await _host.DrainAsync();
        var moved = await _host.CaseAsync(_case.Reference);
        Assert.Equal((QueueNames.CareCoordination, CaseStatus.Transferred), (moved.Queue, moved.Status));
        Assert.Null(moved.AssigneeId);
        Assert.Contains(await NotesAsync(), n => n.Text == Handover && n.AuthorId == Ana);
        Assert.Contains(Handover, WebUtility.HtmlDecode(await _host.Client.GetStringAsync($"/staff/cases/{_case.Reference}")));
        Assert.StartsWith($"Your case {_case.Reference} is now with a care coordinator", _host.Connector.TextsIn(HandoffHost.PatientConversationId)[^1]);

        // No Teams channel is set up for either queue here: the case is worked on this page, and no thread is posted.
        Assert.Empty(_host.Connector.CreatedConversations);
        var list = await _host.Client.GetStringAsync("/staff/");
        Assert.Contains($"data-reference=\"{_case.Reference}\"", list);
    }

    [Fact]
    public async Task Reopen_opens_a_resolved_case_and_refuses_an_open_one()
    {
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkAlreadyOpen), await ActAsync("reopen", Ana));
        await ActAsync("claim", Ana);
        await ActAsync("resolve", Ana, new() { ["outcome"] = "support-arranged" });
        Assert.Equal(CaseStatus.Resolved, (await _host.CaseAsync(_case.Reference)).Status);
        Assert.DoesNotContain($"data-reference=\"{_case.Reference}\"", await _host.Client.GetStringAsync("/staff/"));

        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkReopenedNote), await ActAsync("reopen", Ben));

        var reopened = await _host.CaseAsync(_case.Reference);
        Assert.Equal(CaseStatus.Reopened, reopened.Status);
        Assert.Contains($"data-reference=\"{_case.Reference}\"", await _host.Client.GetStringAsync("/staff/"));
    }

    [Fact]
    public async Task A_note_is_kept_with_the_case_once_and_a_note_over_the_limit_is_refused()
    {
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkNoteSaved), await ActAsync("note", Ben, new() { ["note"] = "Called Maya, no answer. Try after 3pm." }));
        Assert.Equal(StaffWording.Get(StaffMessageKeys.WorkNoteSaved), await ActAsync("note", Ben, new() { ["note"] = "Called Maya, no answer. Try after 3pm." }));
        var tooLong = new string('x', StaffCaseChanges.MaxNoteLength + 1);
        Assert.Equal(
            StaffWording.Get(StaffMessageKeys.WorkNoteTooLong, ("length", tooLong.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("max", StaffCaseChanges.MaxNoteLength.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            await ActAsync("note", Ben, new() { ["note"] = tooLong }));

        var notes = await NotesAsync();
        Assert.Single(notes);
        var page = WebUtility.HtmlDecode(await _host.Client.GetStringAsync($"/staff/cases/{_case.Reference}"));
        Assert.Contains("Ben: Called Maya, no answer. Try after 3pm.", page);
    }

    [Fact]
    public async Task A_case_past_its_service_level_shows_overdue_on_the_list_and_in_Details_in_working_time()
    {
        var list = await _host.Client.GetStringAsync("/staff/");
        Assert.DoesNotContain("class=\"overdue\"", list);

        // Sent Monday 09:00; the routine target is 8 working hours (09:00–17:00): on Tuesday at 11:00 it is 2 hours over.
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 11, 0, 0, TimeSpan.Zero));

        var overdue = StaffWording.Get(StaffMessageKeys.SlaOverdueBy, ("span", StaffWording.Get(StaffMessageKeys.SlaHours, ("count", "2"))));
        list = WebUtility.HtmlDecode(await _host.Client.GetStringAsync("/staff/"));
        Assert.Matches($"<tr data-reference=\"{_case.Reference}\" class=\"overdue\">.*<td class=\"waiting\">{Wording.Messages.Format(StaffMessageKeys.WordsWaitedDays, ("days", "1"), ("hours", "2"))}</td><td class=\"service-level\"><strong>{overdue}</strong>", list);
        await ActAsync("claim", Ana);
        var details = WebUtility.HtmlDecode(await _host.Client.GetStringAsync($"/staff/cases/{_case.Reference}"));
        Assert.DoesNotContain(overdue, details);
    }

    [Fact]
    public async Task With_details_for_the_assignee_only_a_member_sees_only_their_own_case_as_in_Teams()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:DetailsAssigneeOnly"] = "true" });
        var record = await host.SubmitCaseAsync();
        var page = await host.Client.GetStringAsync("/staff/");
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        async Task ChooseAsync(string persona) =>
            (await host.Client.PostAsync("/staff/persona", new FormUrlEncodedContent(new Dictionary<string, string> { ["af"] = token, ["persona"] = persona }))).EnsureSuccessStatusCode();

        await ChooseAsync(Ben);
        var refused = WebUtility.HtmlDecode(await host.Client.GetStringAsync($"/staff/cases/{record.Reference}"));
        Assert.Contains(StaffWording.Of(StaffRefusal.DetailsAssigneeOnly), refused);
        Assert.DoesNotContain(Personas.MayaPhone, refused);

        await ChooseAsync(Chen);
        Assert.Contains(Personas.MayaPhone, WebUtility.HtmlDecode(await host.Client.GetStringAsync($"/staff/cases/{record.Reference}")));
    }
}
