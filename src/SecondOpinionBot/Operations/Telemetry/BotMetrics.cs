using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SecondOpinionBot.Operations.Telemetry;

/// <summary>
/// The bot's instruments, on one Meter from the host's IMeterFactory. Tags are codes only (see <see cref="TagValues"/>).
/// The gauges of the operations snapshot are on the same Meter, made by Operations' OperationsGauges.
/// The names are listed in the README's operations section; change both together.
/// </summary>
public sealed class BotMetrics
{
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _journeysStarted;
    private readonly Counter<long> _stepsReached;
    private readonly Counter<long> _journeysFinished;
    private readonly Counter<long> _journeysAbandoned;
    private readonly Counter<long> _casesCreated;
    private readonly Counter<long> _emergencies;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _cardActions;
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _rateLimited;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(BotTelemetry.Name);
        _turns = meter.CreateCounter<long>("secondopinion.turns", "{turn}", "Turns handled, by channel, activity type and outcome.");
        _turnDuration = meter.CreateHistogram<double>("secondopinion.turn.duration", "s", "How long a turn took, lease included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10] });
        _journeysStarted = meter.CreateCounter<long>("secondopinion.journeys.started", "{journey}", "Patient journeys begun.");
        _stepsReached = meter.CreateCounter<long>("secondopinion.journeys.step_reached", "{journey}", "Journeys that reached a section for the first time, by step.");
        _journeysFinished = meter.CreateCounter<long>("secondopinion.journeys.finished", "{journey}", "Journeys that ended, by outcome (sent, declined, stopped).");
        _journeysAbandoned = meter.CreateCounter<long>("secondopinion.journeys.abandoned", "{journey}", "Journeys left idle past Operations:JourneyAbandonedAfter, by the step they stopped at.");
        _casesCreated = meter.CreateCounter<long>("secondopinion.cases.created", "{case}", "Cases handed to the care team, by queue and priority.");
        _emergencies = meter.CreateCounter<long>("secondopinion.emergencies.detected", "{message}", "Messages that got emergency guidance or a safety note, by kind (medical, self-harm, self-harm-mention).");
        _deliveries = meter.CreateCounter<long>("secondopinion.outbox.deliveries", "{attempt}", "Outbox send attempts, by kind and result (sent, retry, dead-letter).");
        _deadLetters = meter.CreateCounter<long>("secondopinion.outbox.dead_letters", "{item}", "Outbox items that will not be retried, by kind and reason.");
        _cardActions = meter.CreateCounter<long>("secondopinion.card_actions", "{action}", "Staff card actions, by verb and result.");
        _alerts = meter.CreateCounter<long>("secondopinion.alerts.posted", "{card}", "Alert cards posted to the operations channel, by rule.");
        _rateLimited = meter.CreateCounter<long>("secondopinion.requests.rate_limited", "{request}", "Requests refused with 429, by policy.");
    }

    public void Turn(string channel, string activityType, string outcome, double seconds)
    {
        var tags = new TagList { { "channel", channel }, { "activity_type", activityType }, { "outcome", outcome } };
        _turns.Add(1, tags);
        _turnDuration.Record(seconds, tags);
    }

    public void JourneyStarted() => _journeysStarted.Add(1);

    public void StepReached(string step) => _stepsReached.Add(1, new KeyValuePair<string, object?>("step", TagValues.Code(step)));

    public void JourneyFinished(string outcome) => _journeysFinished.Add(1, new KeyValuePair<string, object?>("outcome", TagValues.Code(outcome)));

    public void JourneyAbandoned(string step) => _journeysAbandoned.Add(1, new KeyValuePair<string, object?>("step", TagValues.Code(step)));

    public void CaseCreated(string queue, string priority) =>
        _casesCreated.Add(1, new KeyValuePair<string, object?>("queue", TagValues.Code(queue)), new KeyValuePair<string, object?>("priority", TagValues.Code(priority)));

    public void EmergencyDetected(string? kind) => _emergencies.Add(1, new KeyValuePair<string, object?>("kind", TagValues.Code(kind)));

    /// <summary>One settled send; <paramref name="result"/> is one of <see cref="DeliveryResults"/>. Also tags the outbox span.</summary>
    public void Delivery(string kindName, string result, string? reason)
    {
        _deliveries.Add(1, new KeyValuePair<string, object?>("kind", kindName), new KeyValuePair<string, object?>("result", result));
        if (Activity.Current is { OperationName: BotTelemetry.OutboxSendSpan, IsAllDataRequested: true } span)
        {
            span.SetTag("so.outbox.result", result);
            span.SetTag("so.outbox.reason", TagValues.Code(reason));
        }

        if (result == DeliveryResults.DeadLetter)
        {
            _deadLetters.Add(1, new KeyValuePair<string, object?>("kind", kindName), new KeyValuePair<string, object?>("reason", TagValues.Code(reason)));
        }
    }

    public void CardAction(string? verb, string result) =>
        _cardActions.Add(1, new KeyValuePair<string, object?>("verb", TagValues.Code(verb)), new KeyValuePair<string, object?>("result", result));

    public void AlertPosted(string rule) => _alerts.Add(1, new KeyValuePair<string, object?>("rule", rule));

    public void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));
}

/// <summary>The result tag of <c>secondopinion.outbox.deliveries</c>.</summary>
public static class DeliveryResults
{
    public const string Sent = "sent";
    public const string Retry = "retry";
    public const string DeadLetter = "dead-letter";
}
