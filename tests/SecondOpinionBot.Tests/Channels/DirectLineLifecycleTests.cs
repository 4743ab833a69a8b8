using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Channels.DirectLine;

using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>Expiry, restarts, returning browsers, CORS and the on/off switch, each on its own host.</summary>
public sealed class DirectLineLifecycleTests
{
    [Fact]
    public async Task AnExpiredTokenIs403AndCannotBeRefreshed()
    {
        using var factory = new DirectLineAppFactory();
        var client = new DirectLineTestClient(factory.CreateClient());
        var conversation = await client.StartNewAsync();

        factory.Time.Advance(TimeSpan.FromMinutes(31));
        using var read = await client.GetActivitiesResponseAsync(conversation);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token, body: null);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task TheTranscriptAndTokensSurviveARestart()
    {
        var databasePath = DirectLineAppFactory.NewDatabasePath();
        DirectLineTestClient.Conversation conversation;
        using (var before = new DirectLineAppFactory(databasePath: databasePath))
        {
            var client = new DirectLineTestClient(before.CreateClient());
            conversation = await client.StartNewAsync();
            using var posted = await client.PostActivityAsync(conversation, DirectLineTestClient.WebChatMessage("Get started", "r1"));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        using var after = new DirectLineAppFactory(databasePath: databasePath);
        var set = await new DirectLineTestClient(after.CreateClient()).GetActivitiesAsync(conversation);

        Assert.Equal(3, set.Activities.Count);
        Assert.Equal("r1", (string?)set.Activities[1]["channelData"]?["clientActivityID"]);
    }

    [Fact]
    public async Task AReturningBrowserWithItsResumeSecretRejoinsItsConversationAndNobodyElseCan()
    {
        using var factory = new DirectLineAppFactory();
        var http = factory.CreateClient();
        var first = await PageTokenAsync(http, "{}");
        var client = new DirectLineTestClient(http);
        using var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)first["token"]!, "{}");

        var back = await PageTokenAsync(http, new JObject { ["conversationId"] = first["conversationId"], ["resumeSecret"] = first["resumeSecret"] }.ToString());
        var guess = await PageTokenAsync(http, new JObject { ["conversationId"] = first["conversationId"], ["resumeSecret"] = "guessed" }.ToString());

        Assert.Equal((string?)first["conversationId"], (string?)back["conversationId"]);
        Assert.Equal((string?)first["userId"], (string?)back["userId"]);
        var history = await client.GetActivitiesAsync(new DirectLineTestClient.Conversation((string)back["conversationId"]!, (string)back["token"]!));
        Assert.Single(history.Activities);
        Assert.NotEqual((string?)first["conversationId"], (string?)guess["conversationId"]);
        Assert.NotEqual((string?)first["userId"], (string?)guess["userId"]);
    }

    [Fact]
    public async Task AnUpdateSentWhileThePatientIsAwayIsThereWhenTheyReturn()
    {
        using var factory = new DirectLineAppFactory();
        var http = factory.CreateClient();
        var first = await PageTokenAsync(http, "{}");
        var conversationId = (string)first["conversationId"]!;
        using var started = await new DirectLineTestClient(http).SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)first["token"]!, "{}");

        var proactive = factory.Services.GetRequiredService<DirectLineProactive>();
        var delivered = await proactive.ContinueAsync(
            conversationId, (turn, ct) => turn.SendActivityAsync("A care coordinator has reviewed your request.", cancellationToken: ct), CancellationToken.None);
        factory.Time.Advance(TimeSpan.FromHours(6));
        var back = await PageTokenAsync(http, new JObject { ["conversationId"] = conversationId, ["resumeSecret"] = first["resumeSecret"] }.ToString());
        var history = await new DirectLineTestClient(http).GetActivitiesAsync(new DirectLineTestClient.Conversation(conversationId, (string)back["token"]!));

        Assert.True(delivered);
        Assert.Equal(conversationId, (string?)back["conversationId"]);
        Assert.Equal("A care coordinator has reviewed your request.", (string?)history.Activities[^1]["text"]);
        Assert.Equal("bot", (string?)history.Activities[^1]["from"]?["role"]);
    }

    [Fact]
    public void StoredReferencesToTheLocalEndpointAreRecognisedWhateverThePort()
    {
        Assert.True(DirectLineProactive.Handles(new ConversationReference { ServiceUrl = "http://127.0.0.1:41234/v3/directline/connector/" }));
        Assert.False(DirectLineProactive.Handles(new ConversationReference { ServiceUrl = "https://smba.trafficmanager.net/teams/" }));
        Assert.False(DirectLineProactive.Handles(new ConversationReference { ServiceUrl = "https://bot.example/v3/directline/connector/" }));
    }

    [Theory]
    [InlineData("https://hospital.example", true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task CorsPreflightIsAnsweredOnlyForConfiguredOrigins(string origin, bool allowed)
    {
        using var factory = new DirectLineAppFactory(new Dictionary<string, string?> { ["DirectLine:AllowedOrigins:0"] = "https://hospital.example" });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations/abc/activities");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");

        using var response = await factory.CreateClient().SendAsync(preflight);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }

    [Fact]
    public async Task WithoutConfiguredOriginsNoCrossOriginAccessIsGranted()
    {
        using var factory = new DirectLineAppFactory();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "https://elsewhere.example");

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TheEndpointIsOffWhenTheBotHasAnAzureIdentity()
    {
        using var factory = new DirectLineAppFactory(new Dictionary<string, string?>(ConfiguredBot.Settings));

        using var response = await factory.CreateClient().PostAsync("/v3/directline/tokens/generate", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ExplicitlyEnabledNextToAnAzureIdentityItStillWorksWithoutAzure()
    {
        using var factory = new DirectLineAppFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-password",
            ["MicrosoftAppTenantId"] = ConfiguredBot.TenantId,
            ["DirectLine:Enabled"] = "true",
        });
        var client = new DirectLineTestClient(factory.CreateClient());

        var conversation = await client.StartNewAsync();
        using var posted = await client.PostActivityAsync(conversation, DirectLineTestClient.WebChatMessage("What is a second opinion?", "z1"));
        var set = await client.GetActivitiesAsync(conversation);

        Assert.Equal(3, set.Activities.Count);
        Assert.Contains("another doctor", (string?)set.Activities[2]["text"], StringComparison.Ordinal);
    }

    private static async Task<JObject> PageTokenAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync("/api/webchat/token", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }
}
