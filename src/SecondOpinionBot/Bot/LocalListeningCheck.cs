using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Bot;

/// <summary>
/// In local mode, checks the addresses the server really listens on once it has started, whatever set them (--urls,
/// ASPNETCORE_URLS, Kestrel:Endpoints, appsettings), and stops startup on any address reachable from another machine.
/// The configuration check in <see cref="LocalMode.ConfigureHost"/> only sees the "urls" key; Kestrel's endpoint
/// configuration overrides it, so the bound addresses are the only trustworthy answer.
/// </summary>
public sealed class LocalListeningCheck(IServer server, IOptions<BotAuthOptions> auth) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!auth.Value.IsLocalMode)
        {
            return Task.CompletedTask;
        }

        // The in-memory test server has no addresses: nothing listens on a network.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var outside = addresses.Where(address => !LocalMode.IsLoopbackUrl(address)).ToArray();
        if (outside.Length > 0)
        {
            throw new InvalidOperationException(
                $"Local mode listens on this machine only, but the server is listening on {string.Join(", ", outside)}, which is reachable from elsewhere. " +
                "Use http://localhost:<port> (check --urls, ASPNETCORE_URLS and Kestrel:Endpoints), or configure the bot's Azure credentials.");
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
