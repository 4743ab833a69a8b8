using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// Local mode without Teams, in a real browser: a patient's web chat in one page, the care team's /staff page in
/// another. The staff member claims the case and writes; the patient sees it in the web chat and answers; the answer
/// shows on the staff page.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class StaffPageBrowserTests(BrowserFixture browser)
{
    private const float Timeout = 20_000;
    private const string StorageKey = "secondOpinion.webChat.session";

    [Fact]
    public async Task A_staff_member_works_a_case_on_the_staff_page_while_the_patient_chats()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        var address = factory.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = address };

        // The patient's conversation, as the page would open it, typed through Direct Line up to a sent case.
        var session = await DirectLineJourney.SendCaseAsync(http);

        await using var context = await browser.Browser.NewContextAsync();
        var saved = new JObject { ["conversationId"] = session["conversationId"], ["resumeSecret"] = session["resumeSecret"] }.ToString(Newtonsoft.Json.Formatting.None);
        await context.AddInitScriptAsync($"window.localStorage.setItem({Newtonsoft.Json.JsonConvert.ToString(StorageKey)}, {Newtonsoft.Json.JsonConvert.ToString(saved)});");
        var chat = await context.NewPageAsync();
        await chat.GotoAsync(address.ToString());
        await Assertions.Expect(chat.Said(MessageKeys.HandoffSent)).ToBeVisibleAsync(new() { Timeout = Timeout });

        var staff = await context.NewPageAsync();
        await staff.GotoAsync(new Uri(address, "/staff/").ToString());
        var row = staff.Locator("tr[data-reference]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("select[name=persona]").SelectOptionAsync("local:ana");
        await row.GetByRole(AriaRole.Button, new() { Name = Wording.Messages.Get(StaffMessageKeys.LocalPageClaim) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#status")).ToContainTextAsync(Wording.Messages.Format(StaffMessageKeys.LocalPageStatusClaimed, ("name", "Ana")));

        var form = staff.Locator("form[action$='/message']");
        await form.Locator("select[name=persona]").SelectOptionAsync("local:ana");
        await staff.Locator("#message").FillAsync("Hello, I am Ana. Can I call you tomorrow at 10?");
        await form.GetByRole(AriaRole.Button, new() { Name = Wording.Messages.Get(StaffMessageKeys.LocalPageSend) }).ClickAsync();
        await Assertions.Expect(staff.Locator("#messages")).ToContainTextAsync("Can I call you tomorrow at 10?");

        await Assertions.Expect(chat.Said(MessageKeys.HandoffFromStaff, ("staffName", "Ana"))).ToBeVisibleAsync(new() { Timeout = Timeout });
        var sendBox = chat.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await sendBox.FillAsync("Yes, 10 works for me");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(chat.Said(MessageKeys.HandoffMessageReceived)).ToBeVisibleAsync(new() { Timeout = Timeout });

        await staff.ReloadAsync();
        await Assertions.Expect(staff.Locator("#messages li.from-patient")).ToContainTextAsync("Yes, 10 works for me");
        await staff.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("staff-page-case.png") });
        await chat.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-staff-message.png") });
    }
}
