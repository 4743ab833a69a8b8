using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.PrepSheets;

/// <summary>
/// Where a printable prep-sheet link points: <see cref="PrepSheetOptions.PublicBaseUrl"/> when set; in local mode the
/// address this server really listens on (loopback only, checked at startup), so the link works without any setting.
/// Never an address taken from the request, which the caller could pick. Null for a configured bot without a public
/// address: then the sheet is sent as a message instead.
/// </summary>
public sealed class PrepSheetAddress(IOptions<PrepSheetOptions> options, IOptions<BotAuthOptions> auth, IServer server)
{
    /// <summary>The in-memory test server listens nowhere; its clients use this base address.</summary>
    private const string InMemoryBase = "http://localhost/";

    public Uri? LinkFor(PrepSheetLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Url is { } configured)
        {
            return configured;
        }

        if (!auth.Value.IsLocalMode || !string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return null;
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(IsLoopbackHttp);
        var baseAddress = listening is null ? InMemoryBase : listening.TrimEnd('/') + "/";
        return new Uri(new Uri(baseAddress), link.Path.TrimStart('/'));
    }

    // Startup already refuses other addresses in local mode (Bot.LocalListeningCheck); this only picks one of them.
    private static bool IsLoopbackHttp(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
}
