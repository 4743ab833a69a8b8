using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Channels.DirectLine;
using SecondOpinionBot.Tests.Channels;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// A patient in the local web chat: Direct Line 3.0 over the in-memory server, with the real journey. The bot's replies
/// travel the SDK's HTTP path to the local connector route and land in the stored transcript, as on a real socket.
/// </summary>
public sealed class WebChatPatient
{
    private readonly DirectLineTestClient _client;
    private string _watermark = "";
    private int _sent;

    private WebChatPatient(DirectLineTestClient client, DirectLineTestClient.Conversation conversation)
    {
        _client = client;
        Conversation = conversation;
    }

    public DirectLineTestClient.Conversation Conversation { get; }

    /// <summary>Services that route the bot's connector client to the in-memory server and make callers loopback.</summary>
    public static void InMemory(IServiceCollection services)
    {
        services.AddHttpClient(DirectLineConnectorFactory.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
        services.AddSingleton<IStartupFilter, LoopbackCallers>();
    }

    public static async Task<WebChatPatient> OpenAsync(BotAppFactory factory)
    {
        var client = new DirectLineTestClient(factory.CreateClient());
        var patient = new WebChatPatient(client, await client.StartNewAsync());
        await patient.NewActivitiesAsync();
        return patient;
    }

    /// <summary>The user id the server gave this web chat user (from the echo of their own message).</summary>
    public string? UserId { get; private set; }

    public async Task<BotTurn> SayAsync(string text)
    {
        var response = await _client.PostActivityAsync(Conversation, DirectLineTestClient.WebChatMessage(text, "c" + _sent++));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fresh = await NewActivitiesAsync();
        UserId ??= fresh.FirstOrDefault(a => a["from"]?["role"]?.ToString() == "user")?["from"]?["id"]?.ToString();
        return new BotTurn(fresh.Where(a => a["from"]?["role"]?.ToString() == "bot").ToList());
    }

    /// <summary>The whole stored transcript, as a returning page reads it (from the start).</summary>
    public async Task<IReadOnlyList<JObject>> TranscriptAsync()
    {
        var all = new List<JObject>();
        var watermark = "";
        while (true)
        {
            var page = await _client.GetActivitiesAsync(Conversation, watermark);
            if (page.Activities.Count == 0)
            {
                return all;
            }

            all.AddRange(page.Activities);
            watermark = page.Watermark;
        }
    }

    private async Task<IReadOnlyList<JObject>> NewActivitiesAsync()
    {
        var set = await _client.GetActivitiesAsync(Conversation, _watermark);
        _watermark = set.Watermark;
        return set.Activities;
    }

    private sealed class LoopbackCallers : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
