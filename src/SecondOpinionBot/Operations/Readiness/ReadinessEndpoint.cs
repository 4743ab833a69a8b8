using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecondOpinionBot.Operations.Readiness;

/// <summary>
/// GET /readyz: storage, schema, content and the outbox worker, each with its status and the reason in plain words.
/// 503 when any is unhealthy; a degraded check (the worker switched off here) still serves traffic. Reasons name
/// tables, files and times only: no settings values, no secrets, no patient data, no exception messages.
/// </summary>
public static class ReadinessEndpoint
{
    public const string Tag = "ready";

    public static IHealthChecksBuilder AddReadinessChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<SchemaReadinessCheck>("schema", tags: [Tag])
        .AddCheck<ContentReadinessCheck>("content", tags: [Tag])
        .AddCheck<OutboxWorkerReadinessCheck>("outbox-worker", tags: [Tag]);

    public static void MapReadiness(this WebApplication app) =>
        app.MapHealthChecks("/readyz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), reason = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
