using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// The serviceUrl put on in-process activities: this server's own loopback address plus the connector route, so the
/// bot's replies travel the SDK's normal HTTP path back here.
/// </summary>
public sealed class DirectLineServiceUrl(IServer server, IOptions<DirectLineOptions> options)
{
    public const string ConnectorPath = "/v3/directline/connector/";

    private string? _value;

    public string Value => _value ??= Resolve();

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ConnectorBaseUrl))
        {
            return options.Value.ConnectorBaseUrl.TrimEnd('/') + ConnectorPath;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.Select(ToLoopback).OfType<Uri>().OrderBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1).FirstOrDefault();

        // An in-memory test server has no socket; its connector client is given an in-memory handler instead.
        var root = chosen?.GetLeftPart(UriPartial.Authority) ?? "http://127.0.0.1";
        return root + ConnectorPath;
    }

    private static Uri? ToLoopback(string address)
    {
        // Kestrel reports wildcard bindings as http://+:80, http://*:80, http://[::]:80 or http://0.0.0.0:80.
        var normalized = address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host switch
        {
            "0.0.0.0" or "localhost" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            _ when IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip) => uri.Host,
            _ => null,
        };
        return host is null ? null : new UriBuilder(uri) { Host = host }.Uri;
    }
}
