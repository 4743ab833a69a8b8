using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Channels.WebChat;

/// <summary>
/// The privacy notice and terms the Teams app links to (https://host/privacy and /terms). Their words are content
/// (messages.yaml, `pages.`), so care teams edit them with the rest, and the privacy notice fills in this
/// deployment's retention settings instead of promising "a set time".
/// </summary>
public static class PublicPages
{
    public static WebApplication MapPublicPages(this WebApplication app)
    {
        // In the reader's language: a ?lang= link, else the browser's (PageLanguage).
        app.MapGet("/privacy", (HttpContext context, ContentCatalogs content, IOptions<RetentionOptions> retention, IOptions<PrepSheetOptions> sheets) =>
        {
            var language = PageLanguage.For(context, content);
            return Page(language, Privacy(language.Messages, retention.Value, sheets.Value));
        });
        app.MapGet("/terms", (HttpContext context, ContentCatalogs content) =>
        {
            var language = PageLanguage.For(context, content);
            return Page(language, Terms(language.Messages, PageLanguage.Link(context, "privacy")));
        });
        return app;
    }

    private static (MessageKey Title, string Body) Privacy(MessageCatalog m, RetentionOptions retention, PrepSheetOptions sheets)
    {
        var body = new StringBuilder()
            .Append(Paragraph(m.Get(MessageKeys.PagesPrivacyIntro)))
            .Append(Heading(m.Get(MessageKeys.PagesPrivacyKeptHeading)))
            .Append(Paragraph(m.Get(MessageKeys.PagesPrivacyKeptIfYes)))
            .Append(Paragraph(m.Format(MessageKeys.PagesPrivacyKeptIfNo, ("idleHours", Number(retention.IdleConversationHours)))))
            .Append(Heading(m.Get(MessageKeys.PagesPrivacySeenHeading)))
            .Append(Paragraph(m.Get(MessageKeys.PagesPrivacySeen)))
            .Append(Heading(m.Get(MessageKeys.PagesPrivacyHowLongHeading)))
            .Append(List(
                m.Format(MessageKeys.PagesPrivacyHowLongDraft, ("draftDays", Number(retention.IdleDraftDays))),
                m.Format(MessageKeys.PagesPrivacyHowLongCase, ("caseDays", Number(retention.ResolvedCaseRetentionDays))),
                m.Format(MessageKeys.PagesPrivacyHowLongSheet, ("sheetDays", Number(sheets.LinkLifetimeDays)))))
            .Append(Heading(m.Get(MessageKeys.PagesPrivacyChoicesHeading)))
            .Append(List(m.Get(MessageKeys.PagesPrivacyChoiceSee), m.Get(MessageKeys.PagesPrivacyChoiceDelete)))
            .Append(Heading(m.Get(MessageKeys.PagesPrivacyEmergencyHeading)))
            .Append(Paragraph(m.Get(MessageKeys.PagesPrivacyEmergency)));
        return (MessageKeys.PagesPrivacyTitle, body.ToString());
    }

    private static (MessageKey Title, string Body) Terms(MessageCatalog m, string privacyLink)
    {
        var body = new StringBuilder()
            .Append(Paragraph(m.Get(MessageKeys.PagesTermsIntro)))
            .Append(List(m.Get(MessageKeys.PagesTermsNotADoctor), m.Get(MessageKeys.PagesTermsNotForEmergencies),
                m.Get(MessageKeys.PagesTermsWorkingHours), m.Get(MessageKeys.PagesTermsStop)))
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(privacyLink)}\">{Encode(m.Get(MessageKeys.PagesTermsPrivacyLink))}</a></p>\n");
        return (MessageKeys.PagesTermsTitle, body.ToString());
    }

    private static IResult Page(ContentCatalog content, (MessageKey Title, string Body) page)
    {
        var title = Encode(content.Messages.Get(page.Title));
        var html = $"""
            <!doctype html>
            <html lang="{Encode(content.Culture)}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{title}</title>
              <link rel="stylesheet" href="css/page.css">
            </head>
            <body>
              <main class="page">
            <h1>{title}</h1>
            {page.Body}  </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Heading(string text) => $"<h2>{Encode(text)}</h2>\n";

    private static string Paragraph(string text) => $"<p>{Encode(text)}</p>\n";

    private static string List(params string[] items) =>
        "<ul>\n" + string.Concat(items.Select(item => $"  <li>{Encode(item)}</li>\n")) + "</ul>\n";
}
