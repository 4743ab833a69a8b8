using System.Net;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

/// <summary>Local mode as a real process: what Kestrel actually binds decides, whatever set it.</summary>
public sealed class LocalListeningTests
{
    [Fact]
    public async Task Kestrel_endpoint_configuration_on_all_interfaces_stops_local_mode_at_startup()
    {
        var port = HostProcess.FreePort();
        var data = Path.Combine(Path.GetTempPath(), "so-listen", Guid.NewGuid().ToString("N"));
        await using var host = HostProcess.Start(new Dictionary<string, string?>
        {
            ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}",
            ["Storage__SqlitePath"] = Path.Combine(data, "bot.db"),
        }, port);

        Assert.True(await host.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the host kept running on 0.0.0.0");
        Assert.NotEqual(0, host.ExitCode);
        Assert.Contains("reachable from elsewhere", host.Output, StringComparison.Ordinal);
        Assert.Contains($"0.0.0.0:{port}", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_loopback_host_starts_and_answers()
    {
        var data = Path.Combine(Path.GetTempPath(), "so-listen", Guid.NewGuid().ToString("N"));
        await using var host = HostProcess.Start(new Dictionary<string, string?> { ["Storage__SqlitePath"] = Path.Combine(data, "bot.db") });

        Assert.True(await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60)), host.Output);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("healthz")).StatusCode);
    }
}
