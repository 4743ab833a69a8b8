using System.Net.Http.Json;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Tests.Support;

/// <summary>Builds Bot Framework activity JSON the way channels send it.</summary>
public static class Activities
{
    public static JObject Message(string serviceUrl, string text, string conversationId = "conv-1", string userId = "user-1", string channelId = "webchat") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["text"] = text,
        ["locale"] = "en-US",
        ["from"] = new JObject { ["id"] = userId, ["name"] = "Pat" },
        ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "SecondOpinionBot" },
        ["conversation"] = new JObject { ["id"] = conversationId },
    };

    /// <param name="traceparent">A W3C trace header, so a test can follow this request's spans (see <see cref="TurnLeaseWaits"/>).</param>
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JObject activity, string? authorization = null, string? traceparent = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body) =>
        client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
}
