using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>A web chat patient's case, sent quickly so browser tests can start where staff take over.</summary>
internal static class WebChatCases
{
    /// <summary>The patient's journey through Direct Line (to keep the test short) up to "Your reference is".</summary>
    public static async Task<JObject> SendThroughDirectLineAsync(HttpClient http)
    {
        using var tokenResponse = await http.PostAsync("/api/webchat/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var session = JObject.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var client = new DirectLineTestClient(http);
        using (await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)session["token"]!, "{}"))
        {
        }

        var conversation = new DirectLineTestClient.Conversation((string)session["conversationId"]!, (string)session["token"]!);
        var watermark = "";
        var sent = 0;
        async Task<BotTurn> SayAsync(string text)
        {
            using var posted = await client.PostActivityAsync(conversation, DirectLineTestClient.WebChatMessage(text, "s" + sent++));
            var set = await client.GetActivitiesAsync(conversation, watermark);
            watermark = set.Watermark;
            return new BotTurn(set.Activities.Where(a => a["from"]?["role"]?.ToString() == "bot").ToList());
        }

        await AnsweringScript.CompleteJourneyAsync(SayAsync);
        Assert.True((await SayAsync("Yes, send it")).Says(MessageKeys.HandoffSent));
        return session;
    }
}
