using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.PrepSheets;

public sealed class PrepSheetEndpointTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = LogCapture.AsConfigured();
    private BotAppFactory _factory = null!;

    public Task InitializeAsync()
    {
        // Logging turned all the way up, as an operator chasing a problem might: the token must still stay out.
        _factory = new BotAppFactory(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore.Routing"] = "Trace",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                _logs.AttachTo(services);
            });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<PrepSheetLink> CreateLinkAsync(string owner = "webchat:user-1")
    {
        var sheet = PrepSheetAnswers.From(EnglishWording.SentinelDraft().ToCaseDetails(), "SO-7K3F", null, "en");
        return await _factory.Services.GetRequiredService<PrepSheetLinkStore>().CreateAsync(owner, sheet, CancellationToken.None);
    }

    private static void AssertPrivateHeaders(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex, nofollow", string.Join(", ", response.Headers.GetValues("X-Robots-Tag")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(PrepSheetPage.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task The_link_shows_the_printable_sheet_privately()
    {
        var link = await CreateLinkAsync();

        var response = await _factory.CreateClient().GetAsync(link.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertPrivateHeaders(response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<li>{Sentinels.Question}?<span class=\"answer-lines\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/prep/not-a-token")]
    [InlineData("/prep/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_links_get_a_plain_not_found_page_with_the_same_privacy_headers(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertPrivateHeaders(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(Wording.Says(System.Net.WebUtility.HtmlDecode(body), MessageKeys.PrepSheetLinkGoneTitle), body);
    }

    [Theory]
    [InlineData("es-MX,es;q=0.9,en;q=0.5", null, "es")]
    [InlineData("en-US", "es", "es")]
    [InlineData("fr-FR", null, "en")]
    public async Task A_link_that_no_longer_works_says_so_in_the_readers_language(string acceptLanguage, string? lang, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/prep/not-a-token" + (lang is null ? "" : "?lang=" + lang));
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<html lang=\"{expected}\">", body, StringComparison.Ordinal);
        var words = Wording.Repository.For(expected).Messages;
        Assert.True(words.Says(body, MessageKeys.PrepSheetLinkGoneTitle), body);
        Assert.True(words.Says(body, MessageKeys.PrepSheetLinkGoneText), body);
    }

    [Fact]
    public async Task An_expired_link_is_not_found()
    {
        var link = await CreateLinkAsync();
        _clock.Advance(TimeSpan.FromDays(7));

        var response = await _factory.CreateClient().GetAsync(link.Path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Deleting_my_data_makes_the_link_stop_working()
    {
        var link = await CreateLinkAsync("webchat:user-1");
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.Path)).StatusCode);

        var result = await _factory.Services.GetRequiredService<IPatientDataEraser>()
            .EraseAsync(new PatientIdentity("webchat", "user-1", "conv-1"), CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(link.Path)).StatusCode);
    }

    [Fact]
    public async Task Neither_the_token_nor_the_sheet_content_reaches_the_logs_even_at_trace_level()
    {
        var link = await CreateLinkAsync();

        var response = await _factory.CreateClient().GetAsync(link.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_logs.Entries, e => e.Message == "Prep sheet served");
        _logs.AssertNoneContain([link.Token, .. Sentinels.All]);
    }

    [Fact]
    public async Task Without_the_filters_aspnet_core_would_log_the_token_so_the_filters_are_what_keeps_it_out()
    {
        var everything = LogCapture.Everything();
        await using var factory = new BotAppFactory(services: everything.AttachTo);
        var sheet = PrepSheetAnswers.From(EnglishWording.SentinelDraft().ToCaseDetails(), null, null, "en");
        var link = await factory.Services.GetRequiredService<PrepSheetLinkStore>().CreateAsync("webchat:u", sheet, CancellationToken.None);

        await factory.CreateClient().GetAsync(link.Path);

        Assert.Contains(everything.Containing([link.Token]), hit => hit.Entry.Category == "Microsoft.AspNetCore.Hosting.Diagnostics");
        everything.AssertNoneContain(Sentinels.All);
    }
}
