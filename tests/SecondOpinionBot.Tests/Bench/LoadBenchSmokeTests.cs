using System.Text.Json.Nodes;
using SecondOpinionBot.Bench.Load;

namespace SecondOpinionBot.Tests.Bench;

/// <summary>
/// The load benchmark's smoke mode, so it cannot rot: its three host processes start, patients finish whole journeys
/// to confirmed cases whose staff cards reach the connector, and the summary is written. Nothing here judges timings.
/// </summary>
public sealed class LoadBenchSmokeTests
{
    [Fact]
    public async Task Smoke_run_finishes_whole_journeys_with_their_handoffs_and_writes_the_summary()
    {
        var json = Path.Combine(Path.GetTempPath(), $"so-load-smoke-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        try
        {
            var exit = await LoadRun.RunAsync(LoadOptions.Parse(["--smoke", "--no-progress", "--json", json]), output);

            Assert.True(exit == 0, output.ToString());
            var summary = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
            Assert.False(summary["errors"]!.GetValue<bool>(), output.ToString());
            var closed = summary["closed"]!.AsObject().Single().Value!.AsArray();
            Assert.Equal(["SdkEcho", "OurEcho", "Journey"], closed.Select(h => h!["host"]!.GetValue<string>()).Order().Reverse().ToArray());
            var journey = closed.Single(h => h!["host"]!.GetValue<string>() == "Journey")!;
            Assert.Equal(2, journey["finished"]!.GetValue<int>());
            Assert.True(journey["turns"]!.GetValue<int>() > 20, output.ToString());
            Assert.Equal(0, summary["handoff"]!["missing"]!.GetValue<int>());
            Assert.Equal(journey["finished"]!.GetValue<int>(), summary["handoff"]!["cases"]!.GetValue<int>());
            Assert.True(summary["storage"]!["finishedConversations"]!.GetValue<int>() >= 2, output.ToString());
            Assert.True(summary["emergency"]!["messages"]!.GetValue<int>() > 0, output.ToString());
        }
        finally
        {
            File.Delete(json);
        }
    }
}
