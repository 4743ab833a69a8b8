using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SecondOpinionBot.Tests.Operations;

/// <summary>
/// The host's own OpenTelemetry pipeline (Telemetry:Enabled=true, no network exporter) with OpenTelemetry's in-memory
/// exporters added after it, so what is captured is what an OTLP or Azure Monitor exporter would have been handed.
/// </summary>
public sealed class TelemetryCapture
{
    public static Dictionary<string, string?> Settings => new() { ["Telemetry:Enabled"] = "true" };

    public List<Activity> Spans { get; } = [];

    public List<MetricSnapshot> Metrics { get; } = [];

    public void AttachTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
    }

    /// <summary>Exports what is pending; metrics are cumulative, so the latest collection replaces earlier ones.</summary>
    public void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        lock (Metrics)
        {
            Metrics.Clear();
        }

        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    public IEnumerable<MetricPoint> Points(string name)
    {
        foreach (var metric in Metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                yield return point;
            }
        }
    }

    /// <summary>The sum of a counter over the points whose tags include all of <paramref name="tags"/>.</summary>
    public long Sum(string name, params (string Key, string Value)[] tags) =>
        Points(name).Where(p => HasTags(p, tags)).Sum(p => p.GetSumLong());

    public long HistogramCount(string name) => Points(name).Sum(p => p.GetHistogramCount());

    public long? GaugeLong(string name, params (string Key, string Value)[] tags) =>
        Points(name).Where(p => HasTags(p, tags)).Select(p => (long?)p.GetGaugeLastValueLong()).FirstOrDefault();

    public double? GaugeDouble(string name) => Points(name).Select(p => (double?)p.GetGaugeLastValueDouble()).FirstOrDefault();

    /// <summary>Everything an exporter would send, as text: names, attributes, events, links, status, metric tags.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var span in Spans.ToArray())
        {
            text.Append(span.Source.Name).Append(' ').Append(span.OperationName).Append(' ').Append(span.DisplayName).Append(' ')
                .Append(span.StatusDescription).Append(' ').Append(span.TraceStateString).AppendLine();
            foreach (var tag in span.TagObjects)
            {
                text.Append("  ").Append(tag.Key).Append('=').Append(tag.Value).AppendLine();
            }

            foreach (var item in span.Baggage)
            {
                text.Append("  baggage ").Append(item.Key).Append('=').Append(item.Value).AppendLine();
            }

            foreach (var spanEvent in span.Events)
            {
                text.Append("  event ").Append(spanEvent.Name);
                foreach (var tag in spanEvent.Tags)
                {
                    text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
                }

                text.AppendLine();
            }

            foreach (var link in span.Links)
            {
                foreach (var tag in link.Tags ?? [])
                {
                    text.Append("  link ").Append(tag.Key).Append('=').Append(tag.Value).AppendLine();
                }
            }
        }

        foreach (var metric in Metrics.ToArray())
        {
            text.Append(metric.Name).Append(' ').Append(metric.Description).AppendLine();
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    text.Append("  ").Append(tag.Key).Append('=').Append(tag.Value).AppendLine();
                }
            }
        }

        return text.ToString();
    }

    private static bool HasTags(MetricPoint point, (string Key, string Value)[] tags)
    {
        var present = new Dictionary<string, string?>();
        foreach (var tag in point.Tags)
        {
            present[tag.Key] = tag.Value?.ToString();
        }

        return tags.All(t => present.TryGetValue(t.Key, out var value) && value == t.Value);
    }
}
