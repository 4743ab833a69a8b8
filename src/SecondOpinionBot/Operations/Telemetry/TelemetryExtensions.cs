using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SecondOpinionBot.Operations.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry for the bot's spans and instruments plus ASP.NET Core and HttpClient, exported over OTLP and/or to
    /// Azure Monitor (through its distro, which brings its own ASP.NET Core and HttpClient instrumentation). With
    /// neither configured nothing is registered, so nothing listens and instrumented code stays nearly free.
    /// </summary>
    public static WebApplicationBuilder AddBotTelemetry(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = FirstSet(settings.OtlpEndpoint, builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azure = FirstSet(settings.AzureMonitorConnectionString, builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        if (!(settings.Enabled ?? (otlp is not null || azure is not null)))
        {
            return builder;
        }

        // Log scopes carry request paths (with conversation ids); exported log records never include them.
        builder.Services.Configure<OpenTelemetry.Logs.OpenTelemetryLoggerOptions>(o => o.IncludeScopes = false);

        // Probes are polled every few seconds; their spans would drown the turns.
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(o => o.Filter = context =>
            !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz"));

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                // First, so every exporter added after it sees only redacted addresses.
                tracing.AddProcessor(new TelemetryRedactor()).AddSource(BotTelemetry.Name);
                if (azure is null)
                {
                    tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name);
                if (azure is null)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            });

        if (!string.IsNullOrWhiteSpace(settings.OtlpEndpoint))
        {
            var protocol = builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] == "http/protobuf"
                ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
                : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(settings.OtlpEndpoint));
        }
        else if (otlp is not null)
        {
            // The OTEL_EXPORTER_OTLP_* settings as the SDK reads them (endpoint, protocol, headers, per signal).
            otel.UseOtlpExporter();
        }

        if (azure is not null)
        {
            otel.UseAzureMonitor(options => options.ConnectionString = azure);
        }

        return builder;
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
