using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Channels.DirectLine;

namespace SecondOpinionBot.Channels.WebChat;

/// <summary>
/// Exchanges the configured Azure Direct Line secret for a conversation token, server-side, for a user id the server
/// issued. The endpoint comes from configuration only; the secret never leaves this server.
/// </summary>
public sealed class AzureDirectLineTokenClient(IHttpClientFactory httpClientFactory, IOptions<DirectLineOptions> options)
{
    public const string HttpClientName = "DirectLine.Azure";

    public async Task<WebChatSession> GenerateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var userId = DirectLineIds.NewUserId();
        var endpoint = new Uri(settings.AzureEndpoint, "/v3/directline/tokens/generate");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new GenerateRequest(new GenerateUser(userId))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AzureSecret);

        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var generated = await response.Content.ReadFromJsonAsync<GenerateResponse>(cancellationToken)
            ?? throw new InvalidOperationException("Direct Line returned an empty token response.");
        var domain = new Uri(settings.AzureEndpoint, "/v3/directline").ToString();
        return new WebChatSession(domain, generated.ConversationId, generated.Token, userId, generated.ExpiresIn, ResumeSecret: null);
    }

    private sealed record GenerateUser([property: JsonPropertyName("id")] string Id);

    private sealed record GenerateRequest([property: JsonPropertyName("user")] GenerateUser User);

    private sealed record GenerateResponse(
        [property: JsonPropertyName("conversationId")] string ConversationId,
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
