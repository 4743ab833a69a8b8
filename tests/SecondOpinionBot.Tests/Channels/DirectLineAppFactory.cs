using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Channels.DirectLine;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>
/// The real host in local mode, with its own SQLite file and a fake clock. In memory by default, with a small
/// <see cref="ProtocolBot"/>: the bot's connector client is then pointed at the in-memory server, so replies take the
/// same HTTP path as on a real socket. With <paramref name="realServer"/> the caller starts Kestrel on a loopback port
/// instead, with the real patient journey (for a browser).
/// </summary>
public sealed class DirectLineAppFactory(IDictionary<string, string?>? settings = null, string? databasePath = null, bool realServer = false)
    : WebApplicationFactory<Program>
{
    /// <summary>Requests carrying this header appear to come from that address (to test the loopback-only route).</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public string DatabasePath { get; } = databasePath ?? NewDatabasePath();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "secondopinion-tests", Guid.NewGuid().ToString("N") + ".db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage:SqlitePath"] = DatabasePath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.ConfigureAppConfiguration(sources => sources.AddInMemoryCollection(configuration));

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (realServer)
            {
                return;
            }

            // The protocol tests need a bot with predictable replies, not the whole journey.
            services.AddTransient<Microsoft.Bot.Builder.IBot, ProtocolBot>();

            services.AddHttpClient(DirectLineConnectorFactory.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
            services.AddSingleton<IStartupFilter, RemoteAddressStartupFilter>();
        });
    }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port and returns its base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    /// <summary>The in-memory server has no sockets: callers are loopback unless a test says otherwise.</summary>
    private sealed class RemoteAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[RemoteAddressHeader], out var address)
                    ? address
                    : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
