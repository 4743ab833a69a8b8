using Microsoft.Playwright;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>A patient in a real browser: Microsoft's Web Chat page against the bot on a loopback port.</summary>
[Collection(BrowserGroup.Name)]
public sealed class WebChatBrowserTests(BrowserFixture browser)
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task APatientIsGreetedStartsTheJourneyAndFindsTheSameConversationAfterReload()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        await using var context = await NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var cardErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Failed to render Adaptive Cards", StringComparison.Ordinal))
            {
                cardErrors.Add(message.Text);
            }
        };
        await page.GotoAsync(factory.StartOnLoopback().ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Wording.Messages.Get(MessageKeys.WebChatTitle) })).ToBeVisibleAsync();
        await Assertions.Expect(page.Said(Greeting)).ToBeVisibleAsync(new() { Timeout = Timeout });

        await SuggestedAction(page, "Yes, save my answers").ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(MessageKeys.RoleAsk)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SuggestedAction(page, "I am the patient").ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(MessageKeys.SituationDiagnosis)).ToBeVisibleAsync(new() { Timeout = Timeout });

        var sendBox = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await sendBox.FillAsync("A lump in my breast, the biopsy was unclear");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(page.Said(MessageKeys.SituationProposed)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Surgery or a procedure" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-journey.png") });
        Assert.Empty(cardErrors);

        await page.ReloadAsync();

        await Assertions.Expect(page.Said(MessageKeys.SituationProposed)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(Greeting)).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-after-reload.png") });
    }

    [Fact]
    public async Task WhenTheTokenExpiresThePageReconnectsToTheSameConversation()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        await using var context = await NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(factory.StartOnLoopback().ToString());
        await Assertions.Expect(page.Said(Greeting)).ToBeVisibleAsync(new() { Timeout = Timeout });

        // The next poll gets 403 (ExpiredToken): the page fetches a fresh token for the same conversation and
        // starts Web Chat on it again.
        var restarted = page.WaitForResponseAsync(
            response => response.Request.Method == "POST" && response.Url.EndsWith("/v3/directline/conversations", StringComparison.Ordinal),
            new() { Timeout = Timeout });
        factory.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.True((await restarted).Ok);
        await Assertions.Expect(page.Said(Greeting)).ToBeVisibleAsync(new() { Timeout = Timeout });

        var sendBox = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await sendBox.FillAsync("yes");
        await sendBox.PressAsync("Enter");

        await Assertions.Expect(page.Said(MessageKeys.RoleAsk)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(Greeting)).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-after-token-expiry.png") });
    }

    /// <summary>A message of the welcome: what the bot is not (it is not a doctor).</summary>
    private static readonly MessageKey Greeting = MessageKeys.WelcomeWhatIDoNot;

    private static ILocator SuggestedAction(IPage page, string name) =>
        page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = name });

    private Task<IBrowserContext> NewPhoneContextAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 420, Height = 820 },
        DeviceScaleFactor = 1,
    });

    /// <summary>Chat history entries (Web Chat renders each activity as an article element) containing the text.</summary>
}
