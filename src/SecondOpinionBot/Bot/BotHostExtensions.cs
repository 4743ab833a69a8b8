using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Bot;

public static class BotHostExtensions
{
    public static WebApplicationBuilder AddBotHost(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.Get<BotAuthOptions>() ?? new BotAuthOptions();

        // Checked before the host is built, so a registration mistake stops startup with its hint and nothing else runs.
        var check = new BotAuthOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, auth);
        if (check.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(BotAuthOptions), check.Failures);
        }

        LocalMode.ConfigureHost(builder, auth);

        var services = builder.Services;
        services.AddOptions<BotAuthOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>();
        services.AddHostedService<LocalModeNotice>();
        services.AddHostedService<LocalListeningCheck>();
        services.AddHttpClient();

        // The SDK reads MicrosoftAppType/Id/Password/TenantId from the configuration root itself.
        // Connector clients share their JSON contracts (see SharedContractsConnectorFactory: half an echo turn's CPU).
        // ... and are reused across turns (Channels/ConnectorClientCache.cs says why that is safe).
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedContractsAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                builder.Configuration, httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            new Channels.ConnectorClientCache(sp.GetService<TimeProvider>() ?? TimeProvider.System)));
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<TurnTelemetryMiddleware>();
        services.AddSingleton<Handoff.Outbox.IOutboxDelivery, Delivery.OutboxDelivery>();
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<BotAdapter>());
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<BotAdapter>());
        services.AddSingleton(sp => new DialogStackStore(sp.GetRequiredService<IStateStorage>()));
        services.AddTransient<IBot, SecondOpinionActivityHandler>();
        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        // Liveness: the process and its database answer. Readiness (/readyz) adds the checks tagged "ready".
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => !check.Tags.Contains(Operations.Readiness.ReadinessEndpoint.Tag) });
        return app;
    }
}
