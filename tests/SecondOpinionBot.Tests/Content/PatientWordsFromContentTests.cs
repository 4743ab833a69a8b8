using System.Net;
using System.Text.RegularExpressions;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// Words a patient reads outside the dialogs (the turn-failure apology, the web chat page, the expired prep-sheet
/// page) come from dialogs/: a care team's wording edit shows up without touching C#.
/// </summary>
public sealed partial class PatientWordsFromContentTests : IDisposable
{
    private readonly ContentCopy _content = new();

    public void Dispose() => _content.Dispose();

    private BotAppFactory Host(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        new(new() { ["Content:Directory"] = _content.Root }, services);

    [Fact]
    public async Task The_apology_after_a_failed_turn_is_the_care_teams_wording_with_a_reference()
    {
        _content.Replace(ContentFiles.Messages, "(Reference {reference})", "If you call us, quote {reference}.");
        await using var connector = await FakeBotConnector.StartAsync();
        await using var factory = Host(BotAppFactory.WithBot<ProbeBot>());

        await factory.CreateClient().PostAsync(Activities.Message(connector.ServiceUrl, "boom"));

        var apology = Assert.Single(await connector.WaitForTextsAsync(1));
        Assert.Matches(QuoteReference(), apology);
        Assert.True(ContentCatalog.Load(_content.Root, "en").Messages.Says(apology, MessageKeys.ErrorsTurnFailed), apology);
    }

    [Fact]
    public async Task The_web_chat_page_shows_the_care_teams_title_and_status_lines()
    {
        _content.Replace(ContentFiles.Messages, "    title: Second opinion helper", "    title: Getting a second opinion");
        _content.Replace(ContentFiles.Messages, "The chat is not available right now.", "The chat is closed for a moment.");
        await using var factory = Host();

        var response = await factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Getting a second opinion</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<title>Getting a second opinion</title>", page, StringComparison.Ordinal);
        Assert.Contains("data-unavailable=\"The chat is closed for a moment.", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_for_an_expired_prep_sheet_link_is_the_care_teams_wording()
    {
        _content.Replace(ContentFiles.Messages, "linkGoneTitle: This link no longer works", "linkGoneTitle: This page has gone");
        await using var factory = Host();

        var response = await factory.CreateClient().GetAsync("/prep/not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page has gone", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"If you call us, quote [0-9a-f]{12}\.$")]
    private static partial Regex QuoteReference();
}
