using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Content;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// A care team's daily work on the local /staff page in Chromium, as staff would do it: a web chat case is overdue on
/// the list, the queue lead opens it and assigns it to a colleague, adds a note, transfers it with a handover note (the
/// patient reads in their chat who helps now), the other team claims and resolves it, and it is reopened.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class StaffPageTeamWorkBrowserTests(BrowserFixture browser)
{
    private const float Timeout = 20_000;
    private const string StorageKey = "secondOpinion.webChat.session";
    private const string Note = "Left a voicemail; she prefers calls after 3 pm.";
    private const string Handover = "Needs help with travel to the clinic on Thursday.";

    /// <summary>A calendar that is always open and a one-minute target, so "overdue" does not depend on when the suite runs.</summary>
    private static readonly Dictionary<string, string?> AlwaysOpen = new()
    {
        ["Handoff:Hours:Open"] = "00:00",
        ["Handoff:Hours:Close"] = "23:59:59.9999999",
        ["Handoff:ServiceLevels:Urgent"] = "00:01:00",
        ["Handoff:ServiceLevels:Routine"] = "00:01:00",
        ["Handoff:Hours:Days:0"] = "Monday",
        ["Handoff:Hours:Days:1"] = "Tuesday",
        ["Handoff:Hours:Days:2"] = "Wednesday",
        ["Handoff:Hours:Days:3"] = "Thursday",
        ["Handoff:Hours:Days:4"] = "Friday",
        ["Handoff:Hours:Days:5"] = "Saturday",
        ["Handoff:Hours:Days:6"] = "Sunday",
    };

    private static string Staff(MessageKey key, params (string Name, string Value)[] values) => StaffWording.Get(key, values);

    [Fact]
    public async Task A_queue_lead_assigns_notes_transfers_and_reopens_an_overdue_case_on_the_staff_page()
    {
        await using var factory = new DirectLineAppFactory(AlwaysOpen, realServer: true);
        var address = factory.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = address };
        var session = await DirectLineJourney.SendCaseAsync(http);
        var record = (await factory.Services.GetRequiredService<ICaseStore>().ListOpenAsync(QueueNames.SocialWork, CancellationToken.None))
            .Concat(await factory.Services.GetRequiredService<ICaseStore>().ListOpenAsync(QueueNames.CareCoordination, CancellationToken.None)).Single();
        var otherQueue = QueueNames.Title(StaffCaseChanges.OtherQueue(record.Queue), Wording.Messages);

        await using var context = await browser.Browser.NewContextAsync();
        var chat = await OpenPatientChatAsync(context, address, session);
        await Assertions.Expect(chat.Said(MessageKeys.HandoffSent)).ToBeVisibleAsync(new() { Timeout = Timeout });

        // Five minutes later, nobody has claimed it.
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var overdue = Staff(StaffMessageKeys.SlaOverdueBy, ("span", Staff(StaffMessageKeys.SlaMinutes, ("count", "4"))));
        var staff = await context.NewPageAsync();
        await staff.GotoAsync(new Uri(address, "/staff/").ToString());
        var row = staff.Locator($"tr[data-reference='{record.Reference}']");
        await Assertions.Expect(row).ToHaveClassAsync("overdue");
        await Assertions.Expect(row.Locator("td.service-level")).ToHaveTextAsync(overdue);

        await staff.Locator("form#persona select[name=persona]").SelectOptionAsync("local:chen");
        await staff.GetByRole(AriaRole.Button, new() { Name = Staff(StaffMessageKeys.LocalPageActAs) }).ClickAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = Staff(StaffMessageKeys.LocalPageDetails) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#service-level")).ToContainTextAsync(overdue);

        // Assign to Ana: she has it now, and the service level starts again from there.
        await staff.Locator("#assignee").SelectOptionAsync("local:ana");
        await staff.GetByRole(AriaRole.Button, new() { Name = Staff(StaffMessageKeys.LocalPageAssign), Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator("#notice")).ToHaveTextAsync(Staff(StaffMessageKeys.WorkAssignedNote, ("name", "Ana")));
        await Assertions.Expect(staff.Locator("#status")).ToContainTextAsync(Staff(StaffMessageKeys.LocalPageStatusClaimed, ("name", "Ana")));
        await Assertions.Expect(staff.Locator("#service-level")).Not.ToContainTextAsync(overdue);

        await staff.Locator("#note").FillAsync(Note);
        await staff.GetByRole(AriaRole.Button, new() { Name = Staff(StaffMessageKeys.LocalPageSaveNote) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#notice")).ToHaveTextAsync(Staff(StaffMessageKeys.WorkNoteSaved));
        await Assertions.Expect(staff.Locator("#notes li.note")).ToContainTextAsync("Chen: " + Note);

        // Transfer with a handover note: the case is in the other queue, unclaimed, the note in Details only.
        await staff.Locator("#transfer-note").FillAsync(Handover);
        await staff.GetByRole(AriaRole.Button, new() { Name = Staff(StaffMessageKeys.LocalPageTransfer, ("queueName", otherQueue.ToLowerInvariant())) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#notice")).ToHaveTextAsync(Staff(StaffMessageKeys.WorkTransferredNote, ("queueName", otherQueue.ToLowerInvariant())));
        await Assertions.Expect(staff.Locator("h1")).ToContainTextAsync(otherQueue);
        await Assertions.Expect(staff.Locator("#status")).ToContainTextAsync(Staff(StaffMessageKeys.LocalPageStatusTransferred));
        await Assertions.Expect(staff.Locator("#notes li.note")).ToHaveCountAsync(2);
        await Assertions.Expect(staff.Locator("#notes")).ToContainTextAsync(Handover);

        // The patient reads in their own chat who helps them now (and never the notes).
        await chat.BringToFrontAsync();
        await Assertions.Expect(chat.Said(MessageKeys.HandoffTransferred, ("reference", record.Reference),
            ("queueName", ContentFixture.English.Routing.Queue(StaffCaseChanges.OtherQueue(record.Queue)).PatientName))).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(chat.Locator("#webchat")).Not.ToContainTextAsync(Handover);

        // Ben, in the other team, claims it and resolves it; then it is reopened.
        await staff.BringToFrontAsync();
        var claim = staff.Locator("form.claim");
        await claim.Locator("select[name=persona]").SelectOptionAsync("local:ben");
        await claim.GetByRole(AriaRole.Button, new() { Name = Staff(StaffMessageKeys.LocalPageClaim) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#status")).ToContainTextAsync(Staff(StaffMessageKeys.LocalPageStatusClaimed, ("name", "Ben")));
        await staff.Locator("form.resolve select[name=outcome]").SelectOptionAsync("support-arranged");
        await staff.GetByRole(AriaRole.Button, new() { Name = Staff(StaffMessageKeys.LocalPageResolve) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#status")).ToContainTextAsync(Staff(StaffMessageKeys.LocalPageStatusResolved, ("name", "Ben")));

        await staff.GetByRole(AriaRole.Button, new() { Name = Staff(StaffMessageKeys.LocalPageReopen) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#notice")).ToHaveTextAsync(Staff(StaffMessageKeys.WorkReopenedNote));
        await Assertions.Expect(staff.Locator("#status")).ToContainTextAsync(Staff(StaffMessageKeys.LocalPageStatusReopened));
        await staff.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("staff-page-team-work.png"), FullPage = true });

        var history = await factory.Services.GetRequiredService<ICaseStore>().GetAuditAsync(record.Reference, CancellationToken.None);
        Assert.Equal(["assigned", "note-added", "transferred", "note-added"], history.Select(a => a.Action).Where(a => a is "assigned" or "note-added" or "transferred"));
    }

    private static async Task<IPage> OpenPatientChatAsync(IBrowserContext context, Uri address, JObject session)
    {
        var saved = new JObject { ["conversationId"] = session["conversationId"], ["resumeSecret"] = session["resumeSecret"] }.ToString(Newtonsoft.Json.Formatting.None);
        await context.AddInitScriptAsync($"window.localStorage.setItem({Newtonsoft.Json.JsonConvert.ToString(StorageKey)}, {Newtonsoft.Json.JsonConvert.ToString(saved)});");
        var chat = await context.NewPageAsync();
        await chat.GotoAsync(address.ToString());
        return chat;
    }
}
