using System.Diagnostics.Metrics;
using SecondOpinionBot.Operations.Telemetry;

namespace SecondOpinionBot.Operations;

/// <summary>
/// The gauges of the bot's Meter: they read the last <see cref="OperationsSnapshot"/> the monitor took, so an export
/// never queries the database. The monitor shows each new snapshot here. The names are listed in the README's operations section.
/// </summary>
public sealed class OperationsGauges
{
    private OperationsSnapshot? _current;

    public OperationsGauges(IMeterFactory meters)
    {
        // The factory hands out one Meter per name: these gauges sit beside BotMetrics' counters.
        var meter = meters.Create(BotTelemetry.Name);
        meter.CreateObservableGauge("secondopinion.conversations.active", () => Gauge(Current?.ActiveConversations), "{conversation}",
            "Conversations with a turn in the last Operations:ActiveWindow.");
        meter.CreateObservableGauge("secondopinion.journeys.in_progress", () => Gauge(Current?.JourneysInProgress), "{journey}",
            "Journeys begun and neither finished nor abandoned.");
        meter.CreateObservableGauge("secondopinion.outbox.depth", () => Gauge(Current?.OutboxDepth), "{item}",
            "Outbox items neither sent nor dead-lettered.");
        meter.CreateObservableGauge("secondopinion.outbox.oldest_age", () => Seconds(Current), "s",
            "Age of the oldest outbox item still to send (0 when empty).");
        meter.CreateObservableGauge("secondopinion.outbox.dead_letter_total", () => Gauge(Current?.DeadLetters), "{item}",
            "Dead-lettered outbox items kept in the database.");
        meter.CreateObservableGauge("secondopinion.cases.waiting", () => ByQueue(Current?.WaitingByQueue), "{case}",
            "Open cases nobody has claimed yet, by queue.");
        meter.CreateObservableGauge("secondopinion.cases.sla_overdue", () => ByQueue(Current?.OverdueByQueue), "{case}",
            "Unclaimed cases waiting longer than their claim target (Operations:ClaimTarget*), by queue.");
    }

    private OperationsSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>The snapshot the gauges report from now on.</summary>
    public void Show(OperationsSnapshot snapshot) => Volatile.Write(ref _current, snapshot);

    private static IEnumerable<Measurement<long>> Gauge(long? value) => value is { } v ? [new Measurement<long>(v)] : [];

    private static IEnumerable<Measurement<double>> Seconds(OperationsSnapshot? snapshot) =>
        snapshot is null ? [] : [new Measurement<double>(snapshot.OldestPendingAge?.TotalSeconds ?? 0)];

    private static IEnumerable<Measurement<long>> ByQueue(IReadOnlyDictionary<string, long>? values) =>
        values is null ? [] : values.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("queue", TagValues.Code(p.Key))));
}
