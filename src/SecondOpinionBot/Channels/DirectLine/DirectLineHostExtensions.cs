using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Channels.DirectLine;

public static class DirectLineHostExtensions
{
    public const string CorsPolicy = "DirectLine";
    public const string RoutePrefix = "/v3/directline";

    /// <summary>Registers the local Direct Line endpoint. Call after the bot host is registered (it wraps BotFrameworkAuthentication).</summary>
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>().Bind(builder.Configuration.GetSection(DirectLineOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        // The SDK's ConfigurationBotFrameworkAuthentication takes IHttpClientFactory from DI once one is registered.
        services.AddHttpClient();
        services.AddHttpClient(DirectLineConnectorFactory.HttpClientName);

        services.AddSingleton<IDatabaseSchema, DirectLineSchema>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<IDirectLineStore>(sp => sp.GetRequiredService<DirectLineStore>());
        services.AddSingleton<DirectLineSigningKey>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineSessions>();
        services.AddSingleton<DirectLineAccess>();
        services.AddSingleton<DirectLineConnectorKey>();
        services.AddSingleton<DirectLineConnectorFactory>();
        services.AddSingleton<DirectLineServiceUrl>();
        services.AddSingleton<DirectLineActivities>();
        services.AddSingleton<DirectLineTurnRunner>();
        services.AddSingleton<DirectLineProactive>();
        services.AddSingleton<Privacy.IPersonalDataParticipant, DirectLineTranscriptParticipant>();
        DecorateBotFrameworkAuthentication(services);

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(directLine.Value.AllowedOrigins)
            .WithMethods("GET", "POST", "OPTIONS")
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "x-requested-with")));
        return builder;
    }

    /// <summary>Maps /v3/directline when the local endpoint is on (local mode, or DirectLine:Enabled=true).</summary>
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DirectLineOptions.SectionName).Get<DirectLineOptions>() ?? new DirectLineOptions();
        if (!options.IsLocalEndpointEnabled(app.Configuration))
        {
            return app;
        }

        app.UseCors();
        DirectLineClientEndpoints.Map(app.MapGroup(RoutePrefix).RequireCors(CorsPolicy));
        DirectLineConnectorEndpoints.Map(app.MapGroup(DirectLineServiceUrl.ConnectorPath.TrimEnd('/')));
        return app;
    }

    /// <summary>Wraps whatever BotFrameworkAuthentication the host registered, so in-process turns never need Azure.</summary>
    private static void DecorateBotFrameworkAuthentication(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(BotFrameworkAuthentication))
            ?? throw new InvalidOperationException("Register the bot host (BotFrameworkAuthentication) before AddDirectLine.");
        services.Remove(original);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new DirectLineAwareAuthentication(
            CreateInner(sp, original), sp.GetRequiredService<DirectLineConnectorFactory>()));
    }

    private static BotFrameworkAuthentication CreateInner(IServiceProvider services, ServiceDescriptor original) => (BotFrameworkAuthentication)(
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!));
}
