using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Bench;

/// <summary>
/// Whole patient turns through the real host in-process (POST /api/messages → bot → replies to a loopback connector),
/// against the same host with the bot swapped for an echo. Each patient walks the start of the journey in a new
/// conversation; a turn counts only if it was answered. Allocations are process-wide (host, client and connector),
/// for both hosts alike.
/// </summary>
public static class TurnBench
{
    private const int Turns = 200;

    // Greeting, consent, role, the health worry, what is proposed, its date; "help" (re-asks the current question) and
    // "what do you know about me" on the way, as patients use them.
    private static readonly string[] Journey =
    [
        "hi", "yes", "I'm the patient", "help", "I was told I need surgery on my knee", "help",
        "what do you know about me", "yes", "help", "I am not sure",
    ];

    public static async Task<(Sample Subject, Sample Baseline)> RunAsync()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var journeyHost = new BenchHost(echo: false);
        await using var echoHost = new BenchHost(echo: true);
        using var journeyClient = journeyHost.CreateClient();
        using var echoClient = echoHost.CreateClient();
        var subject = new Sample("patient journey");
        var baseline = new Sample("echo bot");

        // Warm up: one patient through the whole script on each host (start-up, JIT, content, first SQLite writes).
        await RunPatientAsync(journeyClient, connector, "warmup", Journey.Length, sample: null);
        await RunPatientAsync(echoClient, connector, "warmup", Journey.Length, sample: null);

        // Patients alternate between the hosts, so both see the same load from anything else on the machine.
        for (var patient = 0; subject.Count < Turns; patient++)
        {
            var turns = Math.Min(Journey.Length, Turns - subject.Count);
            await RunPatientAsync(journeyClient, connector, $"p{patient}", turns, subject);
            await RunPatientAsync(echoClient, connector, $"p{patient}", turns, baseline);
        }

        return (subject, baseline);
    }

    private static async Task RunPatientAsync(HttpClient client, LoopbackConnector connector, string patient, int turns, Sample? sample)
    {
        var conversation = $"conv-{patient}-{Guid.NewGuid():N}";
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < turns; i++)
        {
            var repliesBefore = connector.Calls;
            var body = Activity(connector.ServiceUrl, conversation, $"user-{patient}", Journey[i]);
            var start = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            sample?.Add(start);
            if (!response.IsSuccessStatusCode || connector.Calls == repliesBefore)
            {
                throw new InvalidOperationException($"Turn {i} of {patient} was not answered (HTTP {(int)response.StatusCode}).");
            }
        }

        if (sample is not null)
        {
            sample.AllocatedBytes += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        }
    }

    private static string Activity(string serviceUrl, string conversation, string user, string text) => new JObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "webchat",
        ["serviceUrl"] = serviceUrl,
        ["text"] = text,
        ["locale"] = "en-US",
        ["localTimestamp"] = "2026-11-24T10:00:00-06:00",
        ["from"] = new JObject { ["id"] = user, ["name"] = "Pat" },
        ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "SecondOpinionBot" },
        ["conversation"] = new JObject { ["id"] = conversation },
    }.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The real host (local mode, temp SQLite), optionally with the bot replaced by <see cref="EchoBot"/>.</summary>
    private sealed class BenchHost(bool echo) : WebApplicationFactory<Program>
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "so-bench", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_directory);
            builder.UseEnvironment("Development");
            // The build output holds appsettings.json and dialogs/ (copied from the host project).
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseSetting("Storage:SqlitePath", Path.Combine(_directory, "bot.db"));
            // Console logging would time the terminal, not the bot; errors (a failed turn) still show.
            builder.UseSetting("Logging:LogLevel:Default", "Error");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
            if (echo)
            {
                builder.ConfigureTestServices(services => services.AddTransient<IBot, EchoBot>());
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The least a bot can do with a turn: say the text back.</summary>
    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(turnContext.Activity.Text, cancellationToken: cancellationToken);
    }
}
