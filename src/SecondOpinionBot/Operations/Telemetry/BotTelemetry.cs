using System.Diagnostics;

namespace SecondOpinionBot.Operations.Telemetry;

/// <summary>
/// The bot's one ActivitySource. Spans carry ids and names from the code (activity type, channel, dialog ids, outcomes)
/// and keyed hashes where correlation is needed; never message text, names, contact details or raw conversation ids.
/// With no exporter configured nothing listens, so StartActivity returns null and a turn pays almost nothing.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "SecondOpinionBot";

    public static ActivitySource Source { get; } = new(Name, typeof(BotTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>A span around one storage call; null (free) when nobody listens.</summary>
    public static Activity? StartStorage(string operation, int items)
    {
        var span = Source.StartActivity("storage." + operation, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("db.system.name", "sqlite");
            span.SetTag("db.operation.name", operation);
            span.SetTag("so.storage.items", items);
        }

        return span;
    }

    public const string OutboxSendSpan = "outbox.send";

    /// <summary>A span around one outbox item's send (the connector call inside it is HttpClient's own span).</summary>
    public static Activity? StartOutboxSend(string kindName, int attempt)
    {
        var span = Source.StartActivity(OutboxSendSpan, ActivityKind.Internal);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("so.outbox.kind", kindName);
            span.SetTag("so.outbox.attempt", attempt);
        }

        return span;
    }

    /// <summary>A span around waiting for the conversation's turn lease.</summary>
    public static Activity? StartTurnLease() => Source.StartActivity("turn.lease", ActivityKind.Internal);
}
