using System.Net;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Bot;

/// <summary>
/// Guards for running without Azure credentials: loopback only, never in Production, replies only to this machine.
/// </summary>
public static class LocalMode
{
    public const string DefaultUrl = "http://localhost:3978";

    public static void ConfigureHost(WebApplicationBuilder builder, BotAuthOptions auth)
    {
        if (!auth.IsLocalMode)
        {
            return;
        }

        if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Local mode (no MicrosoftAppId) is for development only and will not start in Production. " +
                "Configure MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId, or set ASPNETCORE_ENVIRONMENT=Development.");
        }

        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(DefaultUrl);
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopbackUrl(url))
            {
                throw new InvalidOperationException(
                    $"Local mode listens on this machine only, but the configured address '{url}' is reachable from elsewhere. Use http://localhost:<port>.");
            }
        }
    }

    /// <summary>True for http(s) URLs whose host is localhost or a loopback address.</summary>
    public static bool IsLoopbackUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
