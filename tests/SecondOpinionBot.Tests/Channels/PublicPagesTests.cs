using System.Net;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Content;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>The Teams app package links to these pages; they must exist, come from content and say what the bot really does.</summary>
public sealed class PublicPagesTests
{
    private static MessageCatalog Messages => ContentFixture.English.Messages;

    [Fact]
    public async Task The_privacy_notice_is_served_from_content()
    {
        await using var factory = new BotAppFactory();

        var (status, type, html) = await GetAsync(factory, "/privacy");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", type);
        Assert.Contains($"<h1>{Html(Messages.Get(MessageKeys.PagesPrivacyTitle))}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(Html(Messages.Get(MessageKeys.PagesPrivacyChoiceDelete)), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_notice_states_this_deployments_retention_periods()
    {
        await using var factory = new BotAppFactory(new()
        {
            ["Retention:IdleDraftDays"] = "12",
            ["Retention:ResolvedCaseRetentionDays"] = "90",
            ["Retention:IdleConversationHours"] = "6",
            ["PrepSheets:LinkLifetimeDays"] = "3",
        });

        var (_, _, html) = await GetAsync(factory, "/privacy");

        Assert.Contains(Html(Messages.Format(MessageKeys.PagesPrivacyHowLongDraft, ("draftDays", "12"))), html, StringComparison.Ordinal);
        Assert.Contains(Html(Messages.Format(MessageKeys.PagesPrivacyHowLongCase, ("caseDays", "90"))), html, StringComparison.Ordinal);
        Assert.Contains(Html(Messages.Format(MessageKeys.PagesPrivacyKeptIfNo, ("idleHours", "6"))), html, StringComparison.Ordinal);
        Assert.Contains(Html(Messages.Format(MessageKeys.PagesPrivacyHowLongSheet, ("sheetDays", "3"))), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_terms_say_it_is_not_a_doctor_and_link_to_the_privacy_notice()
    {
        await using var factory = new BotAppFactory();

        var (status, _, html) = await GetAsync(factory, "/terms");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Html(Messages.Get(MessageKeys.PagesTermsNotADoctor)), html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"privacy\">", html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? Type, string Html)> GetAsync(BotAppFactory factory, string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
