using System.Net;
using SecondOpinionBot.Tests.Channels;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>Bursts get 429 with Retry-After; patients going through a whole journey at machine speed never do.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_burst_of_web_chat_token_requests_from_one_address_is_refused_with_retry_after()
    {
        await using var factory = new BotAppFactory();
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        var started = DateTime.UtcNow;
        for (var i = 0; i < 90 && refused is null; i++)
        {
            var response = await client.PostAsync("/api/webchat/token", new StringContent(""));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        var allowed = statuses.Count(s => s == HttpStatusCode.OK);
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        // The default bucket: 60 at once, one more each second.
        Assert.InRange(allowed, 60, 61 + (int)Math.Ceiling(seconds));
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_flood_into_one_direct_line_conversation_is_refused_while_another_conversation_goes_on()
    {
        await using var factory = new BotAppFactory(new() { ["RateLimits:MessagesBurst"] = "5", ["RateLimits:MessagesPerMinute"] = "6" }, WebChatPatient.InMemory);
        var client = new DirectLineTestClient(factory.CreateClient());
        var flooded = await client.StartNewAsync();
        var other = await client.StartNewAsync();

        // Someone who knows the conversation id but has no token for it floods first; it must not use up the real client's allowance.
        var forged = flooded with { Token = "not-a-token" };
        for (var i = 0; i < 8; i++)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await client.PostActivityAsync(forged, DirectLineTestClient.WebChatMessage("x" + i, "x" + i))).StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.PostActivityAsync(flooded, DirectLineTestClient.WebChatMessage("hi " + i, "f" + i))).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var refused = await client.PostActivityAsync(flooded, DirectLineTestClient.WebChatMessage("again", "f9"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 10);
        Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(other, DirectLineTestClient.WebChatMessage("hello", "o1"))).StatusCode);
    }

    [Fact]
    public async Task A_flood_into_one_conversation_on_api_messages_is_refused_per_conversation()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var factory = new BotAppFactory(new() { ["RateLimits:MessagesBurst"] = "5", ["RateLimits:MessagesPerMinute"] = "6" });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.PostAsync(Activities.Message(connector.ServiceUrl, "help", "conv-flood"))).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Activities.Message(connector.ServiceUrl, "help", "conv-calm"))).StatusCode);
    }

    [Fact]
    public async Task Whole_journeys_at_machine_speed_over_api_messages_and_web_chat_are_never_limited()
    {
        await using var factory = new BotAppFactory(services: WebChatPatient.InMemory);
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var summary = await chat.CompleteJourneyAsync(new ScriptedAnswers { Caregiver = true });
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(AnsweringScript.SummaryCard(summary)!));
        await chat.SayAsync("status");

        // Web chat: the page's token, the conversation, and the whole journey typed into it.
        var patient = await WebChatPatient.OpenAsync(factory);
        var webSummary = await AnsweringScript.CompleteJourneyAsync(patient.SayAsync);

        Assert.NotNull(AnsweringScript.SummaryCard(webSummary));
    }
}
