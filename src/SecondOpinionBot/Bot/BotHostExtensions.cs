using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace SecondOpinionBot.Bot;

public static class BotHostExtensions
{
    public static WebApplicationBuilder AddBotHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<BotAdapter>());
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<BotAdapter>());
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddTransient<IBot, SecondOpinionActivityHandler>();
        return builder;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot)
            => adapter.ProcessAsync(request, response, bot));
        return app;
    }
}
