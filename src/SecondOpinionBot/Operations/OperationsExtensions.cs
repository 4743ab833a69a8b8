using SecondOpinionBot.Operations.Alerts;
using SecondOpinionBot.Operations.Funnel;
using SecondOpinionBot.Operations.RateLimiting;
using SecondOpinionBot.Operations.Readiness;
using SecondOpinionBot.Operations.Telemetry;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations;

public static class OperationsExtensions
{
    /// <summary>What the IT team runs the bot with: telemetry, the monitor, journey statistics.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<IDatabaseSchema, OperationsSchema>();
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<OperationsGauges>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<JourneyEvents>();
        services.AddSingleton<Intake.IJourneyRecorder>(sp => sp.GetRequiredService<JourneyEvents>());
        services.AddSingleton<IPersonalDataParticipant, JourneyDataParticipant>();
        services.AddSingleton<OperationsQueries>();
        services.AddSingleton<AlertState>();
        services.AddSingleton<OperationsChannel>();
        services.AddSingleton<AlertPublisher>();
        services.AddSingleton<IOperationsWatcher, DeadLetterAlertRule>();
        services.AddSingleton<IOperationsWatcher, OutboxStuckAlertRule>();
        services.AddSingleton<IOperationsWatcher, UnboundQueueAlertRule>();
        services.AddSingleton<OperationsMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsMonitor>());
        services.AddSingleton<ContentReadinessCheck>(); // Keeps what it last saw on disk between probes.
        services.AddHealthChecks().AddReadinessChecks();
        services.AddRequestRateLimits();
        builder.AddBotTelemetry();
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapReadiness();
        FunnelEndpoint.Map(app);
        return app;
    }
}
