using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Operations;
using SecondOpinionBot.Operations.Telemetry;
using SecondOpinionBot.Tests.Channels;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>The README lists every instrument, and the example dashboard and alert rules only query metrics that exist.</summary>
public sealed partial class OperationsDocsTests
{
    [Fact]
    public void Every_instrument_is_in_the_README_and_every_metric_the_examples_query_exists()
    {
        var instruments = PublishedInstruments();
        Assert.True(instruments.Count >= 20, string.Join(", ", instruments.Select(i => i.Name)));
        var root = Path.GetDirectoryName(Path.GetDirectoryName(TestArtifacts.PathFor("x"))!)!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        Assert.All(instruments, i => Assert.Contains($"`{i.Name}`", readme, StringComparison.Ordinal));

        var exported = instruments.SelectMany(PrometheusNames).ToHashSet();
        foreach (var file in new[] { "docs/operations/grafana-dashboard.json", "docs/operations/prometheus-alerts.yaml" })
        {
            var queried = MetricName().Matches(File.ReadAllText(Path.Combine(root, file))).Select(m => m.Value).Distinct().ToList();
            Assert.NotEmpty(queried);
            Assert.All(queried, name => Assert.True(exported.Contains(name), $"{file} queries {name}, which the bot does not export"));
        }
    }

    /// <summary>What a Prometheus-compatible backend calls an OpenTelemetry instrument.</summary>
    private static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>))
        {
            return [name + "_total"];
        }

        return type == typeof(Histogram<>) ? [name + "_bucket", name + "_sum", name + "_count"] : [name];
    }

    private static List<Instrument> PublishedInstruments()
    {
        var found = new List<Instrument>();
        using var listener = new MeterListener { InstrumentPublished = (instrument, _) => { if (instrument.Meter.Name == BotTelemetry.Name) { lock (found) { found.Add(instrument); } } } };
        listener.Start();
        using var services = new ServiceCollection().AddMetrics().AddSingleton<OperationsGauges>().AddSingleton<BotMetrics>().BuildServiceProvider();
        services.GetRequiredService<BotMetrics>();
        services.GetRequiredService<OperationsGauges>();
        lock (found)
        {
            return found.GroupBy(i => i.Name).Select(g => g.First()).ToList();
        }
    }

    [GeneratedRegex(@"secondopinion_[a-z_]+")]
    private static partial Regex MetricName();
}
