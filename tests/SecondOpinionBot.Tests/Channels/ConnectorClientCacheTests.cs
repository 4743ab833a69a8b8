using System.Net;
using System.Text;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Channels;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// Connector clients reused across turns: a turn's end (the SDK disposes its client) never breaks another turn's
/// sends, replies go only to the turn's own serviceUrl, and a stream of distinct serviceUrls cannot grow the cache.
/// </summary>
public sealed class ConnectorClientCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
    private readonly RecordingConnector _connector = new();
    private int _made;

    [Fact]
    public async Task Later_turns_reuse_the_client_and_one_turn_ending_does_not_stop_the_next_from_sending()
    {
        var cache = new ConnectorClientCache(_clock);
        var first = await cache.GetAsync("bot-app", null, "https://smba.example/amer/", Make("https://smba.example/amer/"));
        await first.Conversations.ReplyToActivityAsync(Reply("c1", "a1"));
        first.Dispose(); // what CloudAdapterBase does at the end of every turn

        var second = await cache.GetAsync("bot-app", null, "https://smba.example/amer/", Make("https://smba.example/amer/"));
        await second.Conversations.ReplyToActivityAsync(Reply("c2", "a2"));

        Assert.Equal(1, _made);
        Assert.Equal(["https://smba.example/amer/v3/conversations/c1/activities/a1", "https://smba.example/amer/v3/conversations/c2/activities/a2"], _connector.Paths);
    }

    [Fact]
    public async Task Turns_sending_at_once_on_one_client_all_arrive()
    {
        var cache = new ConnectorClientCache(_clock);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var client = await cache.GetAsync("bot-app", null, "https://smba.example/amer/", Make("https://smba.example/amer/"));
            await client.Conversations.ReplyToActivityAsync(Reply($"c{i}", "a"));
        }));

        Assert.Equal(40, _connector.Paths.Count);
        Assert.Equal(40, _connector.Paths.Distinct().Count());
    }

    [Fact]
    public async Task Each_serviceUrl_app_id_and_audience_gets_its_own_client_pointed_at_its_own_address()
    {
        var cache = new ConnectorClientCache(_clock);
        var amer = await cache.GetAsync("bot-app", null, "https://smba.example/amer/", Make("https://smba.example/amer/"));
        var emea = await cache.GetAsync("bot-app", null, "https://smba.example/emea/", Make("https://smba.example/emea/"));
        var otherApp = await cache.GetAsync("other-app", null, "https://smba.example/amer/", Make("https://smba.example/amer/"));
        var otherAudience = await cache.GetAsync("bot-app", "skill-app", "https://smba.example/amer/", Make("https://smba.example/amer/"));

        Assert.Equal(4, _made);
        Assert.Equal(new Uri("https://smba.example/amer/"), amer.BaseUri);
        Assert.Equal(new Uri("https://smba.example/emea/"), emea.BaseUri);
        Assert.NotSame(amer.Conversations, otherApp.Conversations);
        Assert.NotSame(amer.Conversations, otherAudience.Conversations);
        Assert.Throws<NotSupportedException>(() => amer.BaseUri = new Uri("https://attacker.example/"));
    }

    [Fact]
    public async Task The_credentials_are_the_ones_the_sdk_made_for_the_client()
    {
        var cache = new ConnectorClientCache(_clock);
        var credentials = new MicrosoftAppCredentials("bot-app", "secret");
        var client = await cache.GetAsync("bot-app", null, "https://smba.example/amer/", () => Task.FromResult<IConnectorClient>(
            new ConnectorClient(new Uri("https://smba.example/amer/"), credentials, new HttpClient(_connector, disposeHandler: false), disposeHttpClient: true)));

        Assert.Same(credentials, client.Credentials);
    }

    [Fact]
    public async Task A_stream_of_distinct_service_urls_never_holds_more_than_the_capacity_and_old_entries_make_room_after_their_lifetime()
    {
        var cache = new ConnectorClientCache(_clock);
        for (var i = 0; i < ConnectorClientCache.Capacity + 50; i++)
        {
            var url = $"http://127.0.0.1:{10000 + i}/";
            using var client = await cache.GetAsync(null, null, url, Make(url));
            Assert.Equal(new Uri(url), client.BaseUri);
        }

        Assert.Equal(ConnectorClientCache.Capacity, cache.Count);

        // Past the capacity a turn still gets a working client of its own (the SDK's, disposed at its end).
        var extra = await cache.GetAsync(null, null, "http://127.0.0.1:9999/", Make("http://127.0.0.1:9999/"));
        Assert.IsType<ConnectorClient>(extra);
        await extra.Conversations.ReplyToActivityAsync(Reply("c", "a"));
        Assert.EndsWith("127.0.0.1:9999/v3/conversations/c/activities/a", _connector.Paths[^1], StringComparison.Ordinal);

        _clock.Advance(ConnectorClientCache.Lifetime);
        var later = await cache.GetAsync(null, null, "http://127.0.0.1:9999/", Make("http://127.0.0.1:9999/"));
        Assert.IsType<SharedConnectorClient>(later);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task A_client_is_replaced_after_its_lifetime_and_the_old_one_still_works_for_a_turn_that_holds_it()
    {
        var cache = new ConnectorClientCache(_clock);
        var old = await cache.GetAsync("bot-app", null, "https://smba.example/amer/", Make("https://smba.example/amer/"));
        _clock.Advance(ConnectorClientCache.Lifetime);
        var fresh = await cache.GetAsync("bot-app", null, "https://smba.example/amer/", Make("https://smba.example/amer/"));
        fresh.Dispose();

        await old.Conversations.ReplyToActivityAsync(Reply("c1", "a1"));
        await fresh.Conversations.ReplyToActivityAsync(Reply("c2", "a2"));

        Assert.Equal(2, _made);
        Assert.NotSame(old.Conversations, fresh.Conversations);
        Assert.Equal(2, _connector.Paths.Count);
    }

    private Func<Task<IConnectorClient>> Make(string serviceUrl) => () =>
    {
        Interlocked.Increment(ref _made);
        // As the SDK's ConnectorFactoryImpl makes them: a fresh HttpClient that the client disposes.
        return Task.FromResult<IConnectorClient>(new ConnectorClient(new Uri(serviceUrl), MicrosoftAppCredentials.Empty, new HttpClient(_connector, disposeHandler: false), disposeHttpClient: true));
    };

    private static Activity Reply(string conversation, string replyTo) => new()
    {
        Type = ActivityTypes.Message,
        Text = "hello",
        Conversation = new ConversationAccount { Id = conversation },
        ReplyToId = replyTo,
    };

    /// <summary>A connector that answers every send and records where it went.</summary>
    private sealed class RecordingConnector : HttpMessageHandler
    {
        private readonly List<string> _paths = [];

        public IReadOnlyList<string> Paths
        {
            get
            {
                lock (_paths)
                {
                    return [.. _paths];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_paths)
            {
                _paths.Add(request.RequestUri!.GetLeftPart(UriPartial.Path));
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"r1"}""", Encoding.UTF8, "application/json") });
        }
    }
}
