using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Intake;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// A patient's web chat conversation opened as the page opens it (token, then Direct Line), with the whole journey
/// typed through Direct Line up to a sent case: quicker than clicking it through in a browser, and the browser can
/// rejoin the same conversation with <see cref="Session"/>.
/// </summary>
internal static class DirectLineJourney
{
    /// <summary>Opens the conversation and sends a case; returns the page's session (conversation id, token, resume secret).</summary>
    public static async Task<JObject> SendCaseAsync(HttpClient http)
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
        Assert.True((await SayAsync("Yes, send it")).Says(SecondOpinionBot.Content.MessageKeys.HandoffSent));
        return session;
    }
}
