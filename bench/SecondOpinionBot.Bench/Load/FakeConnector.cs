using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// The Bot Connector's stand-in for the load run, on a loopback port: every activity a host sends into a conversation
/// is parsed and handed to that conversation's inbox with the time it arrived; a new Teams channel thread (a case card
/// for staff) is recorded by the case reference it carries. Answers at once, like a healthy connector.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _cardArrivals = new(StringComparer.Ordinal);
    private int _nextId;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Activities that arrived for a conversation nobody was listening to (should stay 0).</summary>
    public int Unrouted => Volatile.Read(ref _unrouted);

    private int _unrouted;

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Map("/v3/conversations", connector.CreateConversationAsync);
        app.Map("/v3/conversations/{conversationId}/activities/{**rest}", connector.ActivityAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Starts listening for what is sent into <paramref name="conversationId"/>.</summary>
    public Inbox Open(string conversationId) => _inboxes.GetOrAdd(conversationId, _ => new Inbox());

    public void Close(string conversationId) => _inboxes.TryRemove(conversationId, out _);

    /// <summary>When the staff card for a case reached the connector (Stopwatch timestamp), if it has.</summary>
    public bool TryGetCardArrival(string reference, out long timestamp) => _cardArrivals.TryGetValue(reference, out timestamp);

    public int CardsReceived => _cardArrivals.Count;

    private async Task ActivityAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var arrived = Stopwatch.GetTimestamp();
        var conversationId = Uri.UnescapeDataString((string)context.Request.RouteValues["conversationId"]!);
        if (_inboxes.TryGetValue(conversationId, out var inbox) && body is JsonObject activity)
        {
            inbox.Add(activity, arrived);
        }
        else
        {
            Interlocked.Increment(ref _unrouted);
        }

        await ReplyIdAsync(context);
    }

    private async Task CreateConversationAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var arrived = Stopwatch.GetTimestamp();
        var id = Interlocked.Increment(ref _nextId);
        // A staff card: the case's actions carry its reference.
        foreach (var reference in References(body))
        {
            _cardArrivals.TryAdd(reference, arrived);
        }

        var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>() ?? "conversation";
        await context.Response.WriteAsJsonAsync(new { id = $"{channel};messageid=act-{id}", activityId = $"act-{id}" });
    }

    private Task ReplyIdAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new { id = $"act-{Interlocked.Increment(ref _nextId)}" });

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["so.kind"]?.GetValue<string>() == "case" && obj["reference"]?.GetValue<string>() is { } reference)
                {
                    yield return reference;
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var found in References(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in References(child))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>What one conversation has been sent, in arrival order.</summary>
    public sealed class Inbox
    {
        private readonly Lock _gate = new();
        private readonly List<(JsonObject Activity, long Arrived)> _items = [];

        public void Add(JsonObject activity, long arrived)
        {
            lock (_gate)
            {
                _items.Add((activity, arrived));
            }
        }

        /// <summary>Everything that arrived since the last call, and when the last of it arrived (0 when nothing).</summary>
        public (List<JsonObject> Activities, long LastArrived) Take()
        {
            lock (_gate)
            {
                var taken = _items.Select(i => i.Activity).ToList();
                var last = _items.Count == 0 ? 0 : _items[^1].Arrived;
                _items.Clear();
                return (taken, last);
            }
        }
    }
}
