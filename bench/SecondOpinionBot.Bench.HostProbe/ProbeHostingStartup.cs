using Microsoft.AspNetCore.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Bench.HostProbe;

[assembly: HostingStartup(typeof(ProbeHostingStartup))]

namespace SecondOpinionBot.Bench.HostProbe;

/// <summary>Adds the probe's middleware in front of the host's pipeline; the host's own registrations are untouched.</summary>
public sealed class ProbeHostingStartup : IHostingStartup
{
    public const string BotVariable = "SO_BENCH_BOT";

    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddSingleton<EmergencyProbe>();
        services.AddSingleton<LeaseProbe>();
        services.AddSingleton<StateEchoBot>();
        services.AddTransient<IStartupFilter, ProbeStartupFilter>();
    });
}
