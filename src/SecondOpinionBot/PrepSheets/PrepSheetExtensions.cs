using SecondOpinionBot.Privacy;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.PrepSheets;

public static class PrepSheetExtensions
{
    /// <summary>
    /// Categories that write the request path (and so a prep-sheet token) into logs: hosting's "Request starting/finished"
    /// lines and its per-request scope (RequestPath), routing's candidate matching, and Kestrel's bad-request lines.
    /// They are capped here, after the configuration's rules, so a configured level cannot turn them back on.
    /// </summary>
    public static IReadOnlyList<(string Category, LogLevel Level)> PathLoggingCategories { get; } =
    [
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None),
        ("Microsoft.AspNetCore.Routing", LogLevel.Warning),
        ("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Warning),
        ("Microsoft.AspNetCore.HttpLogging", LogLevel.None),
    ];

    public static WebApplicationBuilder AddPrepSheets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrepSheetOptions>()
            .BindConfiguration(PrepSheetOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IDatabaseSchema, PrepSheetLinkSchema>();
        builder.Services.AddSingleton<PrepSheetLinkStore>();
        builder.Services.AddSingleton<IPrepSheetLinkStore>(sp => sp.GetRequiredService<PrepSheetLinkStore>());
        builder.Services.AddSingleton<PrepSheetAddress>();
        builder.Services.AddSingleton<PrepSheetWords>();
        builder.Services.AddSingleton<IPersonalDataParticipant, PrepSheetLinkParticipant>();
        builder.Services.AddSingleton<IRetentionParticipant, ExpiredLinkRetention>();
        foreach (var (category, level) in PathLoggingCategories)
        {
            builder.Logging.AddFilter(category, level);
        }

        return builder;
    }

    public static WebApplication MapPrepSheets(this WebApplication app)
    {
        app.MapGet(PrepSheetLinkStore.PathPrefix + "{token}", PrepSheetEndpoint.HandleAsync).ExcludeFromDescription();
        return app;
    }
}
