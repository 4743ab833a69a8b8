using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// The web chat page, the privacy notice and the terms in the reader's language: the browser's Accept-Language, or a
/// ?lang= link (which wins), with html lang set; a language without content gets the default.
/// </summary>
public sealed class PageLanguageTests
{
    private static async Task<string> GetAsync(BotAppFactory factory, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The text as either page writes it (the web chat page keeps letters like "ó" as they are).</summary>
    private static bool Shows(string html, string text) =>
        html.Contains(Html(text), StringComparison.Ordinal)
        || html.Contains(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("/privacy", "PagesPrivacyTitle")]
    [InlineData("/terms", "PagesTermsTitle")]
    [InlineData("/", "WebChatTitle")]
    public async Task A_Spanish_browser_gets_the_page_in_Spanish_with_html_lang_es(string path, string titleKey)
    {
        await using var factory = new BotAppFactory();
        var content = factory.Services.GetRequiredService<ContentCatalogs>();
        var key = (MessageKey)typeof(MessageKeys).GetField(titleKey)!.GetValue(null)!;

        var spanish = await GetAsync(factory, path, "es-MX,es;q=0.9,en;q=0.5");
        var english = await GetAsync(factory, path, "en-US,en;q=0.9");
        var french = await GetAsync(factory, path, "fr-FR");

        Assert.Contains("<html lang=\"es\">", spanish, StringComparison.Ordinal);
        Assert.True(Shows(spanish, content.For("es").Messages.Get(key)), spanish);
        Assert.False(Shows(spanish, content.Default.Messages.Get(key)), spanish);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.True(Shows(english, content.Default.Messages.Get(key)), english);
        Assert.Contains("<html lang=\"en\">", french, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lang_link_wins_over_the_browser_and_the_terms_link_to_privacy_keeps_it()
    {
        await using var factory = new BotAppFactory();
        var spanish = factory.Services.GetRequiredService<ContentCatalogs>().For("es").Messages;

        var terms = await GetAsync(factory, "/terms?lang=es", "en-US");
        var english = await GetAsync(factory, "/privacy?lang=en", "es-MX");
        var unknown = await GetAsync(factory, "/privacy?lang=xx", "es-MX");

        Assert.Contains("<html lang=\"es\">", terms, StringComparison.Ordinal);
        Assert.True(Shows(terms, spanish.Get(MessageKeys.PagesTermsNotADoctor)), terms);
        Assert.Contains("href=\"privacy?lang=es\"", terms, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\">", unknown, StringComparison.Ordinal); // an unknown ?lang= falls back to the browser's
    }
}
