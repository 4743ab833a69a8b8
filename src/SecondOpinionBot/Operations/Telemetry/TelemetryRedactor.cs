using System.Diagnostics;
using OpenTelemetry;

namespace SecondOpinionBot.Operations.Telemetry;

/// <summary>
/// Runs before any exporter and rewrites what ASP.NET Core's and HttpClient's instrumentation record about addresses:
/// paths carry conversation ids (Direct Line, the Bot Connector's /v3/conversations/{id}/activities) and prep-sheet
/// tokens, queries can carry tokens. Every path segment that is not one of the API's own words becomes "{id}", the query
/// goes, and so do the client's address and user agent. Status descriptions (exception messages) are dropped.
/// </summary>
public sealed class TelemetryRedactor : BaseProcessor<Activity>
{
    private static readonly HashSet<string> KnownSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "messages", "v3", "directline", "conversations", "activities", "members", "attachments", "tokens",
        "generate", "refresh", "connector", "webchat", "token", "healthz", "readyz", "ops", "prep", "privacy", "terms",
        "upload", "stream", "reply", "teams", "apis", "oauth2", "v2.0", "authorize", "common", "botframework.com",
        "openidconfiguration", "keys", ".well-known", "openid-configuration", "discovery", "css", "js", "lib", "index.html",
        "webchat.js", "page.css", "webchat-page.css", "webchat-page.js", "privacy.html", "terms.html", "favicon.ico",
    };

    private static readonly string[] PathTags = ["url.path", "http.target"];
    private static readonly string[] UrlTags = ["url.full", "http.url"];
    private static readonly string[] DroppedTags = ["url.query", "client.address", "client.port", "user_agent.original", "http.user_agent", "enduser.id"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in PathTags)
        {
            if (data.GetTagItem(tag) is string path)
            {
                data.SetTag(tag, RedactPath(path));
            }
        }

        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url)
            {
                data.SetTag(tag, RedactUrl(url));
            }
        }

        foreach (var tag in DroppedTags)
        {
            if (data.GetTagItem(tag) is not null)
            {
                data.SetTag(tag, null);
            }
        }

        if (data.StatusDescription is not null)
        {
            data.SetStatus(data.Status);
        }
    }

    /// <summary>"/v3/directline/conversations/abc/activities?watermark=3" → "/v3/directline/conversations/{id}/activities".</summary>
    public static string RedactPath(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        var bare = end >= 0 ? path[..end] : path;
        var segments = bare.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && !KnownSegments.Contains(segments[i]))
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Scheme, host and port stay (they say which service was called); the path is redacted, the query dropped.</summary>
    public static string RedactUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority) + RedactPath(uri.AbsolutePath)
            : "{unreadable}";
}
