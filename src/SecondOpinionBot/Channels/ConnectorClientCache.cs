using System.Collections.Concurrent;
using Microsoft.Bot.Connector;

namespace SecondOpinionBot.Channels;

/// <summary>
/// Connector clients kept for reuse, one per (bot app id, audience, serviceUrl), instead of a new one per turn: the SDK's
/// CloudAdapter asks its connector factory for a client on every turn and disposes it at the end, and a new
/// ConnectorClient reads assembly attributes by reflection for its User-Agent (GetASPNetVersion, SetUserAgent,
/// AddDefaultRequestHeaders) and builds a new HttpClient and credentials: about 5% of a journey turn's CPU in perf.
/// Why reuse is safe:
/// <list type="bullet">
/// <item>Thread safety: a ConnectorClient keeps no per-request state; each call builds its own HttpRequestMessage and
/// sends it on an HttpClient, which is made for concurrent use. The SDK's own BotFrameworkAdapter kept its clients in a
/// ConcurrentDictionary keyed by serviceUrl and app id for the same reason.</item>
/// <item>Disposal: the SDK disposes the client when the turn ends (CloudAdapterBase: <c>using (var connectorClient =
/// ...)</c>; TurnContext does not dispose what its TurnState holds). Turns get a <see cref="SharedConnectorClient"/>
/// whose Dispose does nothing, so one turn's end never disposes a client another turn is sending on. Clients are never
/// disposed here either, not even when they leave the cache (a turn may still hold one): their HttpClient comes from
/// IHttpClientFactory, whose pooled handler outlives it, so dropping one to the GC leaks nothing.</item>
/// <item>Credentials: the client keeps the SDK's credentials object, made by the SDK's own factory for this app id and
/// audience. It asks for a token on every request (AppCredentials.ProcessHttpRequestAsync → GetTokenAsync), and MSAL
/// answers from its token cache and fetches a new token before the old one expires, so a long-lived client never sends
/// a stale token.</item>
/// <item>Addresses: an entry is found only by the exact serviceUrl of the turn asking (ordinal), and was made by the
/// SDK's factory for that same serviceUrl, so a turn's replies go exactly where they went before. Which serviceUrls a
/// request may name is decided before any client is asked for (the SDK's token validation; in local mode
/// <see cref="Bot.MessagesEndpoint"/> allows loopback only) and is unchanged.</item>
/// <item>Memory: at most <see cref="Capacity"/> entries, each replaced after <see cref="Lifetime"/>; when the cache is
/// full of live entries a new key gets a client of its own for the turn, as before. A stream of distinct serviceUrls
/// therefore costs no more memory than <see cref="Capacity"/> clients.</item>
/// <item>DNS: a client is replaced after <see cref="Lifetime"/>, the default handler lifetime of IHttpClientFactory, so
/// its connections follow a changed address as a per-turn client's did.</item>
/// </list>
/// </summary>
public sealed class ConnectorClientCache(TimeProvider clock)
{
    /// <summary>A bot talks to a handful of connectors (Teams' regions, web chat); anything beyond this is not reused.</summary>
    public const int Capacity = 64;

    /// <summary>How long one client is reused (IHttpClientFactory's default HandlerLifetime).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<(string AppId, string Audience, string ServiceUrl), Entry> _entries = new();

    /// <summary>How many clients are held (for tests of the bound).</summary>
    internal int Count => _entries.Count;

    /// <summary>
    /// The reusable client for this key, made with <paramref name="create"/> on a miss. A client that is not a
    /// ConnectorClient (someone's own kind) is returned as it is, not reused.
    /// </summary>
    public async Task<IConnectorClient> GetAsync(string? appId, string? audience, string serviceUrl, Func<Task<IConnectorClient>> create)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(create);
        var key = (appId ?? "", audience ?? "", serviceUrl);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var found) && now < found.Expires)
        {
            return found.Client;
        }

        var made = await create();
        if (made is not ConnectorClient connector || !HasRoomFor(key, now))
        {
            return made; // the SDK's way: this turn's own client, disposed at its end
        }

        var shared = new SharedConnectorClient(connector);
        _entries[key] = new Entry(shared, now + Lifetime);
        return shared;
    }

    private bool HasRoomFor((string, string, string) key, DateTimeOffset now)
    {
        if (_entries.ContainsKey(key) || _entries.Count < Capacity)
        {
            return true;
        }

        foreach (var (expiredKey, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(expiredKey, out _);
            }
        }

        return _entries.Count < Capacity;
    }

    private sealed record Entry(SharedConnectorClient Client, DateTimeOffset Expires);
}
