using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>Speaks Direct Line 3.0 over HTTP the way directlinejs does (polling).</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public sealed record Conversation(string Id, string Token);

    public sealed record ActivitySet(IReadOnlyList<JObject> Activities, string Watermark);

    public async Task<Conversation> GenerateAsync()
    {
        using var response = await http.PostAsync("/v3/directline/tokens/generate", Json("{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new Conversation((string)body["conversationId"]!, (string)body["token"]!);
    }

    /// <summary>Generate a token and start the conversation, like Web Chat does on load.</summary>
    public async Task<Conversation> StartNewAsync()
    {
        var generated = await GenerateAsync();
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", generated.Token, """{"user":{"id":"ignored"}}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(generated.Id, (string?)body["conversationId"]);
        return new Conversation(generated.Id, (string)body["token"]!);
    }

    public Task<HttpResponseMessage> PostActivityAsync(Conversation conversation, JObject activity, string? conversationId = null)
        => SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? conversation.Id}/activities", conversation.Token, activity.ToString());

    public Task<HttpResponseMessage> GetActivitiesResponseAsync(Conversation conversation, string watermark = "", string? conversationId = null)
        => SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId ?? conversation.Id}/activities?watermark={watermark}", conversation.Token, body: null);

    public async Task<ActivitySet> GetActivitiesAsync(Conversation conversation, string watermark = "")
    {
        using var response = await GetActivitiesResponseAsync(conversation, watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new ActivitySet(((JArray)body["activities"]!).Cast<JObject>().ToList(), (string)body["watermark"]!);
    }

    /// <summary>A message as Web Chat posts it.</summary>
    public static JObject WebChatMessage(string text, string clientActivityId) => JObject.Parse($$"""
        {"type":"message","text":{{Newtonsoft.Json.JsonConvert.ToString(text)}},"textFormat":"plain","attachments":[],
         "channelData":{"attachmentSizes":[],"clientActivityID":"{{clientActivityId}}"},
         "channelId":"webchat","from":{"id":"acc_4b5b9126","name":"Pat","role":"user"},
         "locale":"en-US","localTimezone":"UTC"}
        """);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = Json(body);
        }

        return await http.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
