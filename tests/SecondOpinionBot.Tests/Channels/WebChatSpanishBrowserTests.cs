using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// A patient whose browser is in Spanish (es-MX) opens Microsoft's Web Chat page in Chromium: the page is Spanish
/// (html lang, title), Web Chat sends her locale, and the bot greets and asks in Spanish; she answers with the
/// Spanish buttons and her own words, and can switch to English and back by typing it.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class WebChatSpanishBrowserTests(BrowserFixture browser)
{
    private const float Timeout = 20_000;
    private const string StorageKey = "secondOpinion.webChat.session";

    private static ILocator SuggestedAction(IPage page, string name) =>
        page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task A_Spanish_browser_gets_the_page_and_the_journey_in_Spanish_and_can_switch_by_typing()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "es-MX",
            ViewportSize = new ViewportSize { Width = 420, Height = 820 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(factory.StartOnLoopback().ToString());
        var content = factory.Services.GetRequiredService<ContentCatalogs>();
        var es = content.For("es");

        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = es.Messages.Get(MessageKeys.WebChatTitle) })).ToBeVisibleAsync();
        await Assertions.Expect(page.Said(es.Messages, MessageKeys.WelcomeWhatIDoNot)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(es.Messages, MessageKeys.WelcomeConsentAsk)).ToBeVisibleAsync(new() { Timeout = Timeout });
        // The other language is offered in its own words.
        await Assertions.Expect(SuggestedAction(page, content.Default.Language.Name)).ToBeVisibleAsync(new() { Timeout = Timeout });

        await SuggestedAction(page, es.Choices(ChoiceSetIds.Consent)["yes"].Label).ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(es.Messages, MessageKeys.RoleAsk)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await SuggestedAction(page, es.Choices(ChoiceSetIds.Role)["patient"].Label).ClickAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(es.Messages, MessageKeys.SituationDiagnosis)).ToBeVisibleAsync(new() { Timeout = Timeout });

        var sendBox = page.GetByRole(AriaRole.Textbox).First;
        await sendBox.FillAsync("english");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(page.Said(content.Default.Messages, MessageKeys.LanguageSwitched)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(content.Default.Messages, MessageKeys.SituationDiagnosis)).ToBeVisibleAsync(new() { Timeout = Timeout });

        await sendBox.FillAsync("espanol");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(page.Said(es.Messages, MessageKeys.LanguageSwitched)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await sendBox.FillAsync("Me encontraron un bulto y la biopsia no fue clara");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(page.Said(es.Messages, MessageKeys.SituationProposed)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = es.Choices(ChoiceSetIds.Proposal)["procedure"].Label })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-spanish.png") });
    }

    [Fact]
    public async Task A_Spanish_patients_sent_case_reads_in_Spanish_in_web_chat_and_staff_claiming_it_on_the_staff_page_is_told_to_her_in_Spanish()
    {
        await using var factory = new DirectLineAppFactory(BotAppFactory.TeamAlwaysAtWork(), realServer: true);
        var address = factory.StartOnLoopback();
        using var http = new HttpClient { BaseAddress = address };
        var es = factory.Services.GetRequiredService<ContentCatalogs>().For("es");
        var answers = ScriptedAnswers.In(es, $"Mi médico dice que es {Sentinels.Diagnosis}", "Un medicamento nuevo cada semana", "Clínica del Río", "saltar");

        // Her answers, typed in Spanish through Direct Line up to a sent case; then her web chat page rejoins it.
        var session = await DirectLineJourney.SendCaseAsync(http, answers);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "es-MX" });
        var saved = new JObject { ["conversationId"] = session["conversationId"], ["resumeSecret"] = session["resumeSecret"] }.ToString(Newtonsoft.Json.Formatting.None);
        await context.AddInitScriptAsync($"window.localStorage.setItem({Newtonsoft.Json.JsonConvert.ToString(StorageKey)}, {Newtonsoft.Json.JsonConvert.ToString(saved)});");
        var chat = await context.NewPageAsync();
        await chat.GotoAsync(address.ToString());
        await Assertions.Expect(chat.Said(es.Messages, MessageKeys.HandoffSent)).ToBeVisibleAsync(new() { Timeout = Timeout });

        // The staff page is English, with her language and the interpreter flag.
        var staff = await context.NewPageAsync();
        await staff.GotoAsync(new Uri(address, "/staff/").ToString());
        var row = staff.Locator("tr[data-reference]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await staff.Locator("form#persona select[name=persona]").SelectOptionAsync("local:ana");
        await staff.GetByRole(AriaRole.Button, new() { Name = Wording.Messages.Get(StaffMessageKeys.LocalPageActAs) }).ClickAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = Wording.Messages.Get(StaffMessageKeys.LocalPageDetails) }).ClickAsync();
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync(
            Wording.Messages.Format(StaffMessageKeys.CardFactsLanguageInterpreter, ("language", "Spanish")), new() { Timeout = Timeout });
        await staff.GotoAsync(new Uri(address, "/staff/").ToString());
        await row.Locator("select[name=persona]").SelectOptionAsync("local:ana");
        await row.GetByRole(AriaRole.Button, new() { Name = Wording.Messages.Get(StaffMessageKeys.LocalPageClaim) }).ClickAsync();

        // Ana claimed it: the patient is told in Spanish.
        await Assertions.Expect(chat.Said(es.Messages, MessageKeys.HandoffClaimed, ("staffName", "Ana"))).ToBeVisibleAsync(new() { Timeout = Timeout });
        await chat.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-spanish-claimed.png") });
    }
}
