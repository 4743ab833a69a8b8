namespace SecondOpinionBot.Operations.Telemetry;

/// <summary>
/// Where telemetry goes. The standard OpenTelemetry settings work as they do everywhere (OTEL_EXPORTER_OTLP_ENDPOINT,
/// OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES), and so does Application Insights'
/// APPLICATIONINSIGHTS_CONNECTION_STRING. Bound from "Telemetry".
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Null: on when an exporter is configured. True without an exporter is for tests that add their own.</summary>
    public bool? Enabled { get; set; }

    /// <summary>An OTLP collector (e.g. http://otel-collector:4317); OTEL_EXPORTER_OTLP_ENDPOINT does the same.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Azure Monitor (Application Insights); APPLICATIONINSIGHTS_CONNECTION_STRING does the same.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    public string ServiceName { get; set; } = "second-opinion-bot";
}
