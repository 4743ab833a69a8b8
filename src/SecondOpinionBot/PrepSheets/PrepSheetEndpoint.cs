using SecondOpinionBot.Content;

namespace SecondOpinionBot.PrepSheets;

/// <summary>GET /prep/{token}: the printable sheet, or a plain 404 page. Never cached, indexed or sent as a referrer.</summary>
public static partial class PrepSheetEndpoint
{
    public static async Task HandleAsync(
        HttpContext context, string token, IPrepSheetLinkStore links, PrepSheetWords words, ContentCatalogs content, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var sheet = await links.FindAsync(token, words, cancellationToken);
        var logger = loggers.CreateLogger(typeof(PrepSheetEndpoint).FullName!);
        if (sheet is null)
        {
            LogNotFound(logger);
        }
        else
        {
            LogServed(logger);
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = PrepSheetPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        context.Response.StatusCode = sheet is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = sheet is null
            ? RenderLinkGone(PageLanguage.For(context, content))
            : PrepSheetPage.Render(sheet);
        await context.Response.WriteAsync(html, cancellationToken);
    }

    // An unknown or expired token says nothing about its reader: the page is in the browser's language.
    private static string RenderLinkGone(ContentCatalog language) =>
        PrepSheetPage.RenderNotFound(language.Culture, language.Messages.Get(MessageKeys.PrepSheetLinkGoneTitle), language.Messages.Get(MessageKeys.PrepSheetLinkGoneText));

    // The token is never logged: it is the only secret the link has.
    [LoggerMessage(Level = LogLevel.Information, Message = "Prep sheet served")]
    private static partial void LogServed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prep sheet link not found or expired")]
    private static partial void LogNotFound(ILogger logger);
}
