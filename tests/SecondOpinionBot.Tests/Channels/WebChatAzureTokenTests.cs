using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Channels.WebChat;

using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>Production web chat: the page's token comes from Azure Direct Line, exchanged server-side (here against a stand-in).</summary>
public sealed class WebChatAzureTokenTests
{
    private const string Secret = "azure-direct-line-secret-for-tests";

    [Fact]
    public async Task ThePageGetsAnAzureTokenForAServerIssuedUserAndNeverTheSecret()
    {
        var azure = new FakeDirectLineService();
        using var factory = new DirectLineAppFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret-value~for-tests",
            ["MicrosoftAppTenantId"] = ConfiguredBot.TenantId,
            ["DirectLine:AzureSecret"] = Secret,
            ["DirectLine:AzureEndpoint"] = "https://directline.stand-in.test",
        });
        var http = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(AzureDirectLineTokenClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => azure))).CreateClient();

        using var response = await http.PostAsync("/api/webchat/token", new StringContent("""{"userId":"chosen-by-page"}""", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var body = JObject.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Equal("https://directline.stand-in.test/v3/directline/tokens/generate", azure.RequestUri);
        Assert.Equal("Bearer " + Secret, azure.Authorization);
        var boundUser = (string?)JObject.Parse(azure.Body!)["user"]?["id"];
        Assert.StartsWith("dl_", boundUser, StringComparison.Ordinal);
        Assert.Equal(boundUser, (string?)body["userId"]);
        Assert.Equal("azure-token-1", (string?)body["token"]);
        Assert.Equal("azure-conversation-1", (string?)body["conversationId"]);
        Assert.Equal("https://directline.stand-in.test/v3/directline", (string?)body["domain"]);
    }

    [Fact]
    public async Task WhenAzureRefusesThePageGetsAPlainError()
    {
        var azure = new FakeDirectLineService { Status = HttpStatusCode.Forbidden };
        using var factory = new DirectLineAppFactory(new Dictionary<string, string?> { ["DirectLine:AzureSecret"] = Secret });
        var http = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHttpClient(AzureDirectLineTokenClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => azure))).CreateClient();

        using var response = await http.PostAsync("/api/webchat/token", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Stands in for Azure's POST /v3/directline/tokens/generate and records what it was sent.</summary>
    private sealed class FakeDirectLineService : HttpMessageHandler
    {
        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

        public string? RequestUri { get; private set; }

        public string? Authorization { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            RequestUri = request.RequestUri?.ToString();
            Authorization = request.Headers.Authorization?.ToString();
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(Status)
            {
                Content = new StringContent("""{"conversationId":"azure-conversation-1","token":"azure-token-1","expires_in":1800}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}
