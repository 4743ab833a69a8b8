using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddBotStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.PostgresConnectionString ??= configuration.GetConnectionString("Postgres"))
            .Validate(
                options => options.Provider != StorageProvider.PostgreSQL || !string.IsNullOrWhiteSpace(options.PostgresConnectionString),
                "Storage:Provider is PostgreSQL but ConnectionStrings:Postgres is empty: set it (e.g. ConnectionStrings__Postgres=\"Host=…;Database=…;Username=…;Password=…\").")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IDatabaseSchema, BotStateSchema>();
        builder.Services.AddSingleton<BotDatabase>();
        builder.Services.AddPatientDataProtection();
        builder.Services.AddSingleton<SqliteBotStorage>();
        builder.Services.AddSingleton<IStorage>(sp => sp.GetRequiredService<SqliteBotStorage>());
        builder.Services.AddSingleton<Dialogs.State.IStateStorage>(sp => sp.GetRequiredService<SqliteBotStorage>());
        builder.Services.AddSingleton<IConversationStatePurge>(sp => sp.GetRequiredService<SqliteBotStorage>());
        builder.Services.AddSingleton<Turns.TurnLease>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Turns.TurnLease>());
        builder.Services.AddSingleton<Turns.ITurnLease>(sp => sp.GetRequiredService<Turns.TurnLease>());
        builder.Services.AddSingleton<Turns.TurnJournal>();
        builder.Services.AddSingleton<Turns.ITurnJournal>(sp => sp.GetRequiredService<Turns.TurnJournal>());
        builder.Services.AddSingleton<Turns.SerialTurnsMiddleware>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }
}
