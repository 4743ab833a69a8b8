using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Content;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>/readyz names each dependency with its status and reason; each can fail on its own while /healthz stays liveness.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_started_host_is_ready_and_says_why_for_each_dependency()
    {
        await using var factory = new BotAppFactory();
        using var client = factory.CreateClient();

        var (status, checks) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["content", "outbox-worker", "schema", "storage"], checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("tables present", checks["schema"].Reason);
        Assert.Contains("language(s) loaded", checks["content"].Reason);
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Storage_that_cannot_be_opened_makes_it_not_ready_and_not_live()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "so-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where the database folder should be");
        try
        {
            await using var factory = new BotAppFactory(new() { ["Storage:SqlitePath"] = Path.Combine(blocker, "bot.db"), ["Handoff:Outbox:RunWorker"] = "false" });
            using var client = factory.CreateClient();

            var (status, checks) = await ReadyAsync(client);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", checks["storage"].Status);
            Assert.Equal("Storage is not reachable.", checks["storage"].Reason);
            Assert.Equal("Unhealthy", checks["schema"].Status);
            Assert.DoesNotContain(blocker, checks["schema"].Reason);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task A_missing_table_is_named()
    {
        await using var factory = new BotAppFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(client)).Status);
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE journey_steps; DROP TABLE queue_bindings;";
            await drop.ExecuteNonQueryAsync();
        }

        var (status, checks) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["schema"].Status);
        Assert.Contains("journey_steps", checks["schema"].Reason);
        Assert.Contains("queue_bindings", checks["schema"].Reason);
        Assert.Equal("Healthy", checks["storage"].Status);
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Content_broken_on_disk_after_start_is_reported_with_its_file_and_line()
    {
        using var copy = new ContentCopy();
        await using var factory = new BotAppFactory(new() { ["Content:Directory"] = copy.Root, ["Handoff:Outbox:RunWorker"] = "false" });
        using var client = factory.CreateClient();
        Assert.Equal("Healthy", (await ReadyAsync(client)).Checks["content"].Status);

        copy.Replace(ContentFiles.Questions, "    reasons: [risk-reduction]\n    situations: [date-soon]", "    reasons: [risk-reduktion]\n    situations: [date-soon]");
        var (status, checks) = await ReadyAsync(client);

        // This instance keeps serving what it validated at start; the next restart would fail, and that is what it says.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", checks["content"].Status);
        Assert.Contains("does not load, so a restart would fail", checks["content"].Reason);
        Assert.Contains("questions.yaml:", checks["content"].Reason);
    }

    [Fact]
    public async Task An_outbox_worker_stuck_on_a_call_to_Teams_makes_it_not_ready()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:Outbox:RunWorker"] = "true" }, clock: clock);
        var (readyStatus, _) = await ReadyAsync(host.Client);
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        await host.BindAsync();
        host.Connector.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var created = host.Connector.Calls.Count;
        await host.SubmitCaseAsync();
        Assert.True(await host.Connector.WaitForAsync(() => host.Connector.Calls.Count > created), "the worker never called Teams");
        clock.Advance(TimeSpan.FromMinutes(6));

        var (status, checks) = await ReadyAsync(host.Client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["outbox-worker"].Status);
        Assert.Contains("6 min ago", checks["outbox-worker"].Reason);
        host.Connector.Hold.SetResult();
    }

    [Fact]
    public async Task An_instance_without_the_outbox_worker_is_ready_but_says_it_is_off()
    {
        await using var factory = new BotAppFactory(new() { ["Handoff:Outbox:RunWorker"] = "false" });
        using var client = factory.CreateClient();

        var (status, checks) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", checks["outbox-worker"].Status);
        Assert.Contains("RunWorker=false", checks["outbox-worker"].Reason);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, (string Status, string Reason)> Checks)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/readyz");
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var checks = ((JArray)body["checks"]!).ToDictionary(c => c["name"]!.ToString(), c => (c["status"]!.ToString(), c["reason"]?.ToString() ?? ""));
        return (response.StatusCode, checks);
    }
}
