using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SecondOpinionBot.Bench;

/// <summary>
/// The Bot Connector's stand-in on a loopback port: accepts whatever the bot sends into a conversation and answers
/// with an activity id, counting the calls. Its address is the activities' serviceUrl.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private LoopbackConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public int Calls => Volatile.Read(ref _calls);

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.Map("/v3/conversations/{**rest}", connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Read the body as the real connector would, then answer with a fresh activity id.
        await context.Request.Body.CopyToAsync(Stream.Null);
        var id = Interlocked.Increment(ref _calls);
        await context.Response.WriteAsJsonAsync(new { id = $"act-{id}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
