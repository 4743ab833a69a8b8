using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Channels.DirectLine;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>One in-memory host shared by the contract tests; each test opens its own conversations.</summary>
public sealed class LocalDirectLineFixture : IDisposable
{
    public DirectLineAppFactory Factory { get; } = new();

    public DirectLineTestClient NewClient() => new(Factory.CreateClient());

    public void Dispose() => Factory.Dispose();
}

/// <summary>What Microsoft's Direct Line clients rely on (see the Direct Line contract), from an HTTP client.</summary>
public sealed class DirectLineContractTests(LocalDirectLineFixture fixture) : IClassFixture<LocalDirectLineFixture>
{
    private readonly DirectLineTestClient _client = fixture.NewClient();

    [Fact]
    public async Task StartingAConversationMakesTheBotGreetWithTwoSuggestedActions()
    {
        var conversation = await _client.StartNewAsync();

        var set = await _client.GetActivitiesAsync(conversation);

        var greeting = Assert.Single(set.Activities);
        Assert.Equal("message", (string?)greeting["type"]);
        Assert.Equal("bot", (string?)greeting["from"]?["role"]);
        Assert.Equal("directline", (string?)greeting["channelId"]);
        Assert.Equal(conversation.Id, (string?)greeting["conversation"]?["id"]);
        Assert.Equal(ProtocolBot.Greeting, (string?)greeting["text"]);
        var actions = ((JArray)greeting["suggestedActions"]!["actions"]!).Select(a => (string?)a["title"]).ToList();
        Assert.Equal(["Get started", "What is a second opinion?"], actions);
    }

    [Fact]
    public async Task StartingTheSameConversationAgainDoesNotGreetTwice()
    {
        var conversation = await _client.StartNewAsync();
        using var again = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", conversation.Token, "{}");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Single((await _client.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task PostedMessageIsEchoedWithTheReturnedIdAndClientActivityIdThenAnswered()
    {
        var conversation = await _client.StartNewAsync();
        var afterGreeting = (await _client.GetActivitiesAsync(conversation)).Watermark;

        using var posted = await _client.PostActivityAsync(conversation, DirectLineTestClient.WebChatMessage("What is a second opinion?", "s2gudsiuol"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (string?)JObject.Parse(await posted.Content.ReadAsStringAsync())["id"];

        var set = await _client.GetActivitiesAsync(conversation, afterGreeting);
        Assert.Equal(2, set.Activities.Count);
        var echo = set.Activities[0];
        Assert.Equal(id, (string?)echo["id"]);
        Assert.Equal("s2gudsiuol", (string?)echo["channelData"]?["clientActivityID"]);
        Assert.Equal("What is a second opinion?", (string?)echo["text"]);
        var answer = set.Activities[1];
        Assert.Equal("bot", (string?)answer["from"]?["role"]);
        Assert.Equal(id, (string?)answer["replyToId"]);
        Assert.Contains("another doctor", (string?)answer["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatermarkNeverReturnsAnActivityTwice()
    {
        var conversation = await _client.StartNewAsync();
        var seen = new List<string>();
        var watermark = "";
        for (var i = 0; i < 3; i++)
        {
            using var posted = await _client.PostActivityAsync(conversation, DirectLineTestClient.WebChatMessage("Get started", $"c{i}"));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            var set = await _client.GetActivitiesAsync(conversation, watermark);
            seen.AddRange(set.Activities.Select(a => (string)a["id"]!));
            watermark = set.Watermark;
        }

        var idle = await _client.GetActivitiesAsync(conversation, watermark);

        Assert.Empty(idle.Activities);
        Assert.Equal(watermark, idle.Watermark);
        Assert.Equal(7, seen.Count); // greeting, then three echoes and three answers
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task ATokenCannotReadOrWriteAnotherConversation()
    {
        var mine = await _client.StartNewAsync();
        var theirs = await _client.StartNewAsync();

        using var read = await _client.GetActivitiesResponseAsync(mine, conversationId: theirs.Id);
        using var write = await _client.PostActivityAsync(mine, DirectLineTestClient.WebChatMessage("hello", "x1"), conversationId: theirs.Id);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Single((await _client.GetActivitiesAsync(theirs)).Activities);
    }

    [Fact]
    public async Task ForgedIdentityAndAddressingAreOverwrittenByTheServer()
    {
        var conversation = await _client.StartNewAsync();
        var other = await _client.GenerateAsync();
        var forged = DirectLineTestClient.WebChatMessage("Get started", "f1");
        forged["from"] = JObject.Parse("""{"id":"staff-nurse-1","name":"Nurse","role":"bot"}""");
        forged["recipient"] = JObject.Parse("""{"id":"someone-else"}""");
        forged["conversation"] = JObject.Parse($$"""{"id":"{{other.Id}}"}""");
        forged["channelId"] = "msteams";
        forged["serviceUrl"] = "https://attacker.example/";

        using var posted = await _client.PostActivityAsync(conversation, forged);
        var set = await _client.GetActivitiesAsync(conversation);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var echo = set.Activities.Single(a => (string?)a["channelData"]?["clientActivityID"] == "f1");
        Assert.StartsWith("dl_", (string?)echo["from"]?["id"], StringComparison.Ordinal);
        Assert.Equal("user", (string?)echo["from"]?["role"]);
        Assert.Null(echo["from"]?["name"]);
        Assert.Equal("second-opinion-bot", (string?)echo["recipient"]?["id"]);
        Assert.Equal(conversation.Id, (string?)echo["conversation"]?["id"]);
        Assert.Equal("directline", (string?)echo["channelId"]);
        Assert.DoesNotContain("attacker", (string?)echo["serviceUrl"] ?? "", StringComparison.Ordinal);
        Assert.Empty((await _client.GetActivitiesAsync(new DirectLineTestClient.Conversation(other.Id, other.Token))).Activities);
    }

    [Fact]
    public async Task AConversationTheServerDoesNotHaveIs404SoTheClientStops()
    {
        var tokens = fixture.Factory.Services.GetRequiredService<DirectLineTokenService>();
        var token = await tokens.IssueAsync("dl_gone", "conversation-that-was-never-stored", CancellationToken.None);
        var missing = new DirectLineTestClient.Conversation("conversation-that-was-never-stored", token);

        using var read = await _client.GetActivitiesResponseAsync(missing);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task MissingOrTamperedTokensAreRefused()
    {
        var conversation = await _client.StartNewAsync();
        var tampered = conversation with { Token = conversation.Token[..^2] + (conversation.Token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA") };

        using var noToken = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities?watermark=", token: null, body: null);
        using var badToken = await _client.GetActivitiesResponseAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, badToken.StatusCode);
    }

    [Fact]
    public async Task RefreshGivesAWorkingTokenForTheSameConversation()
    {
        var conversation = await _client.StartNewAsync();

        using var refreshed = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token, body: null);
        var body = JObject.Parse(await refreshed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(conversation.Id, (string?)body["conversationId"]);
        var renewed = new DirectLineTestClient.Conversation(conversation.Id, (string)body["token"]!);
        Assert.Single((await _client.GetActivitiesAsync(renewed)).Activities);
    }

    [Fact]
    public async Task TheConnectorRouteOnlyTakesTheBotsOwnCallsFromLoopback()
    {
        var conversation = await _client.StartNewAsync();
        var key = fixture.Factory.Services.GetRequiredService<DirectLineConnectorKey>().Value;
        var path = $"/v3/directline/connector/v3/conversations/{conversation.Id}/activities";
        const string reply = """{"type":"message","text":"I am the bot, honestly"}""";
        var http = fixture.Factory.CreateClient();

        using var withoutKey = await http.SendAsync(ConnectorRequest(path, reply, key: null, remote: null));
        using var fromAnotherMachine = await http.SendAsync(ConnectorRequest(path, reply, key, remote: "203.0.113.7"));
        using var unknownConversation = await http.SendAsync(ConnectorRequest("/v3/directline/connector/v3/conversations/nope/activities", reply, key, remote: null));

        Assert.Equal(HttpStatusCode.Forbidden, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fromAnotherMachine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownConversation.StatusCode);
        Assert.Single((await _client.GetActivitiesAsync(conversation)).Activities);
    }

    [Fact]
    public async Task OversizedOrNonMessageActivitiesAreRefusedAndNotStored()
    {
        var conversation = await _client.StartNewAsync();
        var huge = DirectLineTestClient.WebChatMessage(new string('x', 300 * 1024), "big");
        var fakeJoin = JObject.Parse("""{"type":"conversationUpdate","membersAdded":[{"id":"someone"}]}""");

        using var tooBig = await _client.PostActivityAsync(conversation, huge);
        using var wrongType = await _client.PostActivityAsync(conversation, fakeJoin);

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Single((await _client.GetActivitiesAsync(conversation)).Activities);
    }

    private static HttpRequestMessage ConnectorRequest(string path, string body, string? key, string? remote)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        if (remote is not null)
        {
            request.Headers.Add(DirectLineAppFactory.RemoteAddressHeader, remote);
        }

        return request;
    }
}
