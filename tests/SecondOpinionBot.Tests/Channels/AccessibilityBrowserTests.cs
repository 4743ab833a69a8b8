using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// The pages patients and staff use pass axe-core's WCAG 2.1 AA check with no serious or critical findings, each with
/// what a person really sees there (a card in the chat, a filled-in prep sheet, a case on the staff page), and a card
/// in the chat can be answered with the keyboard alone.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser)
{
    private const float Timeout = 20_000;

    private Task<IBrowserContext> PhoneAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 1,
    });

    [Fact]
    public async Task The_web_chat_page_with_a_choice_card_shown_passes_axe()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        await using var context = await PhoneAsync();
        var page = await ChatAtTheProposalCardAsync(factory, context);

        await Axe.AssertNoSeriousFindingsAsync(page, "the web chat page with the proposal card");
    }

    [Fact]
    public async Task A_card_is_answered_with_the_keyboard_alone()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        await using var context = await PhoneAsync();
        var page = await ChatAtTheProposalCardAsync(factory, context);
        var choices = await page.Locator("#webchat .ac-adaptiveCard input[type=radio]").EvaluateAllAsync<string[]>(
            "inputs => inputs.map(i => i.labels[0].textContent.trim())");
        Assert.Equal(4, choices.Length);
        await page.Locator("#webchat .ac-adaptiveCard").Last.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-390px-choice-card.png") });

        // From the top of the page, Tab reaches the chat history; Enter goes into the newest message, the card.
        await page.Locator("#forget-device").FocusAsync();
        await PressUntilAsync(page, "Tab", () => Focused(page, "el => el.getAttribute('role') === 'group'"), "the chat history");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("radio", await page.EvaluateAsync<string>("() => document.activeElement.type"));

        // The arrow keys reach every choice (the way radio buttons work), Space picks one.
        var reached = new HashSet<string>(StringComparer.Ordinal) { await FocusedLabelAsync(page) };
        for (var i = 0; i < choices.Length; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            reached.Add(await FocusedLabelAsync(page));
        }

        Assert.Equal(choices.Order(), reached.Order());
        await PressUntilAsync(page, "ArrowDown", async () => await FocusedLabelAsync(page) == "Surgery or a procedure", "the surgery choice");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.checked"));

        // Tab reaches the card's button; Enter sends the answer and the next question comes.
        await PressUntilAsync(page, "Tab", () => Focused(page, "el => el.tagName === 'BUTTON' && el.closest('.ac-adaptiveCard') !== null"), "the card's button");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Message(page, "Can you tell me a bit more")).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    [Fact]
    public async Task The_prep_sheet_passes_axe()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        var address = factory.StartOnLoopback();
        var draft = new IntakeDraft
        {
            Role = ChatRole.Caregiver,
            PatientFirstName = "Maria",
            Concern = "Her knee is worn out",
            Proposed = "Surgery or a procedure",
            CurrentClinic = "Northside Hospital",
            Reasons = ["treatment-confidence"],
            Questions = ["How often does this team do this operation?"],
            Records = new Dictionary<string, RecordStatus> { ["coverage-card"] = RecordStatus.Have, ["operative-reports"] = RecordStatus.NeedHelp },
        };
        var link = await factory.Services.GetRequiredService<PrepSheetLinkStore>()
            .CreateAsync("webchat:axe", PrepSheetAnswers.From(draft.ToCaseDetails(), "SO-AXE1", factory.Time.GetUtcNow(), "en"), CancellationToken.None);
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();

        Assert.Equal(200, (await page.GotoAsync(new Uri(address, link.Path).ToString()))!.Status);

        await Axe.AssertNoSeriousFindingsAsync(page, "the prep sheet");
    }

    [Theory]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    public async Task The_privacy_and_terms_pages_pass_axe(string path)
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        var address = factory.StartOnLoopback();
        await using var context = await PhoneAsync();
        var page = await context.NewPageAsync();

        Assert.Equal(200, (await page.GotoAsync(new Uri(address, path).ToString()))!.Status);

        await Axe.AssertNoSeriousFindingsAsync(page, path);
    }

    [Fact]
    public async Task The_local_staff_page_with_a_case_shown_passes_axe()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        var address = factory.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = address };
        await DirectLineJourney.SendCaseAsync(http);
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(address, "/staff/").ToString());
        await Assertions.Expect(page.Locator("tr[data-reference]")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousFindingsAsync(page, "the staff page's case list");

        // Claimed as a staff member, the case opens with everything the patient said, the notes and the messages.
        var row = page.Locator("tr[data-reference]");
        await row.Locator("select[name=persona]").SelectOptionAsync("local:ana");
        await row.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Claimed by Ana");
        await Axe.AssertNoSeriousFindingsAsync(page, "the staff page's case");
    }

    /// <summary>A phone-sized web chat, answered up to the card asking what the doctor suggested.</summary>
    private static async Task<IPage> ChatAtTheProposalCardAsync(DirectLineAppFactory factory, IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(factory.StartOnLoopback().ToString());
        var consent = SuggestedAction(page, "Yes, save my answers");
        await consent.WaitForAsync(new() { Timeout = Timeout });
        await consent.ClickAsync();
        await SuggestedAction(page, "I am the patient").ClickAsync(new() { Timeout = Timeout });
        var sendBox = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await Assertions.Expect(Message(page, "What health problem")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await sendBox.FillAsync("My knee hurts");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Surgery or a procedure" })).ToBeVisibleAsync(new() { Timeout = Timeout });
        return page;
    }

    private static ILocator SuggestedAction(IPage page, string name) =>
        page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = name });

    private static ILocator Message(IPage page, string text) =>
        page.Locator("#webchat article.webchat__basic-transcript__activity").Filter(new() { HasText = text });

    private static Task<bool> Focused(IPage page, string predicate) =>
        page.EvaluateAsync<bool>($"() => ({predicate})(document.activeElement)");

    private static Task<string> FocusedLabelAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement.labels?.[0]?.textContent.trim() ?? ''");

    /// <summary>Presses <paramref name="key"/> until <paramref name="reached"/> holds, at most 30 times.</summary>
    private static async Task PressUntilAsync(IPage page, string key, Func<Task<bool>> reached, string what)
    {
        for (var i = 0; i < 30; i++)
        {
            if (await reached())
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"{key} never reached {what}");
    }
}
