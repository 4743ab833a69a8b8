using System.Text.Json;
using Microsoft.Playwright;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// On a 390 px phone in Chromium, the chat's controls are big enough to tap and readable: measured by the element
/// boxes Web Chat really draws (choice rows and buttons at least 44 px tall, not overlapping, text at least 16 px,
/// no choice label cut off).
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class TouchSizeBrowserTests(BrowserFixture browser)
{
    private const float Timeout = 20_000;
    private const double MinTarget = 44;
    private const double MinText = 16;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task At_390px_choice_rows_and_buttons_are_at_least_44px_with_space_between_and_labels_wrap()
    {
        await using var factory = new DirectLineAppFactory(realServer: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(factory.StartOnLoopback().ToString());

        var consent = SuggestedAction(page, "Yes, save my answers");
        await consent.WaitForAsync(new() { Timeout = Timeout });
        var buttons = await BoxesAsync(page, "#webchat .webchat__suggested-action");
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.True(b.Height >= MinTarget, $"suggested action \"{b.Text}\" is {b.Height:0} px tall"));
        Assert.All(buttons, b => Assert.True(b.FontSize >= MinText, $"suggested action \"{b.Text}\" text is {b.FontSize} px"));

        await consent.ClickAsync();
        await SuggestedAction(page, "I am the patient").ClickAsync(new() { Timeout = Timeout });
        var sendBox = page.GetByRole(AriaRole.Textbox, new() { Name = "Message input box" });
        await sendBox.WaitForAsync(new() { Timeout = Timeout });
        await Assertions.Expect(page.Said(MessageKeys.SituationDiagnosis)).ToBeVisibleAsync(new() { Timeout = Timeout });
        await sendBox.FillAsync("My knee hurts");
        await sendBox.PressAsync("Enter");

        // The proposal card: four choices, the longest label "Nothing yet, or I'm not sure".
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Surgery or a procedure" })).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("webchat-390px-choices.png") });

        var rows = await BoxesAsync(page, "#webchat .ac-choiceSetInput-expanded > div");
        Assert.True(rows.Count >= 4, $"{rows.Count} choice rows");
        Assert.All(rows, r => Assert.True(r.Height >= MinTarget, $"choice row \"{r.Text}\" is {r.Height:0} px tall"));
        foreach (var (above, below) in rows.Zip(rows.Skip(1)))
        {
            Assert.True(below.Top - (above.Top + above.Height) >= 4, $"no space between \"{above.Text}\" and \"{below.Text}\"");
        }

        var radios = await BoxesAsync(page, "#webchat .ac-choiceSetInput-expanded input[type=radio]");
        Assert.All(radios, r => Assert.True(r.Height >= 24 && r.Width >= 24, $"radio button is {r.Width:0}×{r.Height:0} px"));

        var labels = await BoxesAsync(page, "#webchat .ac-choiceSetInput-expanded label");
        Assert.All(labels, l => Assert.False(l.Clipped, $"label \"{l.Text}\" is cut off"));
        Assert.All(labels, l => Assert.True(l.FontSize >= MinText, $"label \"{l.Text}\" text is {l.FontSize} px"));
        Assert.All(labels, l => Assert.True(l.Left + l.Width <= 390, $"label \"{l.Text}\" runs off the screen"));

        // The question is the choice set's own label (read with the choices), as readable as the rest.
        var question = await BoxesAsync(page, "#webchat label.ac-richTextBlock");
        Assert.NotEmpty(question);
        Assert.All(question, q => Assert.True(q.FontSize >= MinText, $"question \"{q.Text}\" text is {q.FontSize} px"));

        var submit = await BoxesAsync(page, "#webchat .ac-pushButton");
        Assert.All(submit, b => Assert.True(b.Height >= MinTarget, $"card button \"{b.Text}\" is {b.Height:0} px tall"));
    }

    private static ILocator SuggestedAction(IPage page, string name) =>
        page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = name });

    /// <summary>The boxes of the visible elements matching <paramref name="selector"/>, as Chromium lays them out.</summary>
    private static async Task<List<Box>> BoxesAsync(IPage page, string selector)
    {
        var json = await page.EvaluateAsync<string>(
            """
            (selector) => JSON.stringify([...document.querySelectorAll(selector)]
              .filter(e => e.getClientRects().length > 0)
              .map(e => {
                const r = e.getBoundingClientRect();
                return {
                  text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
                  left: r.left, top: r.top, width: r.width, height: r.height,
                  fontSize: parseFloat(getComputedStyle(e).fontSize),
                  clipped: e.scrollWidth > e.clientWidth + 1 || [...e.querySelectorAll('*')].some(c => c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflow !== 'visible'),
                };
              }))
            """, selector);
        return JsonSerializer.Deserialize<List<Box>>(json, Web)!;
    }

    private sealed record Box(string Text, double Left, double Top, double Width, double Height, double FontSize, bool Clipped);
}
