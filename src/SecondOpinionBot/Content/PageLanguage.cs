using Microsoft.Net.Http.Headers;

namespace SecondOpinionBot.Content;

/// <summary>
/// The language of a page nobody has told us about yet (the web chat page, privacy, terms, an expired prep-sheet
/// link): a <c>?lang=es</c> link when there is content for it, else the browser's Accept-Language in its order of
/// preference, else the default.
/// </summary>
public static class PageLanguage
{
    public const string QueryName = "lang";

    public static ContentCatalog For(HttpContext context, ContentCatalogs content)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(content);
        // The page differs by the header, so caches must keep one copy per language.
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        if (context.Request.Query[QueryName].ToString() is { Length: > 0 and <= 16 } asked && content.Find(asked) is { } chosen)
        {
            return chosen;
        }

        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in preferred)
        {
            if (content.Find(language.Value.Value) is { } catalog)
            {
                return catalog;
            }
        }

        return content.Default;
    }

    /// <summary>A link to another page in the same language, when the reader asked for it by link.</summary>
    public static string Link(HttpContext context, string path) =>
        context.Request.Query[QueryName].ToString() is { Length: > 0 and <= 16 } asked
            ? $"{path}?{QueryName}={Uri.EscapeDataString(asked)}"
            : path;
}
