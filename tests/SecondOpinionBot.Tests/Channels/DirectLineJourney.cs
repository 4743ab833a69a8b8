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
    /// <param name="answers">Who is answering; <see cref="ScriptedAnswers.Language"/> also sets the locale Web Chat would send.</param>
    public static async Task<JObject> SendCaseAsync(HttpClient http, ScriptedAnswers? answers = null)
    {
        var content = answers?.Language ?? Support.Wording.Repository.Default;
        var locale = answers?.Language is { } language ? language.Culture + "-MX" : "en-US";
        using var tokenResponse = await http.PostAsync("/api/webchat/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var session = JObject.Parse(await tokenResponse.Content.ReadAsStringAsync());
        var client = new DirectLineTestClient(http);
        // As the page starts it: the browser's language goes with the start, so the greeting is already in it.
        using (var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") })
        {
            start.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)session["token"]!);
            start.Headers.AcceptLanguage.ParseAdd(locale);
            using var started = await http.SendAsync(start);
            started.EnsureSuccessStatusCode();
        }

        var conversation = new DirectLineTestClient.Conversation((string)session["conversationId"]!, (string)session["token"]!);
        var watermark = "";
        var sent = 0;
        async Task<BotTurn> SayAsync(string text)
        {
            var message = DirectLineTestClient.WebChatMessage(text, "s" + sent++);
            message["locale"] = locale;
            using var posted = await client.PostActivityAsync(conversation, message);
            var set = await client.GetActivitiesAsync(conversation, watermark);
            watermark = set.Watermark;
            return new BotTurn(set.Activities.Where(a => a["from"]?["role"]?.ToString() == "bot").ToList()) { Content = content };
        }

        await AnsweringScript.CompleteJourneyAsync(SayAsync, answers);
        var send = content.Choices(SecondOpinionBot.Content.ChoiceSetIds.ConfirmSend)["send"].Label;
        var sentCase = await SayAsync(send);
        Assert.True(sentCase.Says(SecondOpinionBot.Content.MessageKeys.HandoffSent), sentCase.AllText);
        return session;
    }
}
