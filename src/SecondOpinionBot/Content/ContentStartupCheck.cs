namespace SecondOpinionBot.Content;

/// <summary>Loads the content while the host starts, so a bad file stops startup instead of failing a user's turn.</summary>
internal sealed partial class ContentStartupCheck(IServiceProvider services, ILogger<ContentStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalogs = services.GetRequiredService<ContentCatalogs>();
        var languageCount = catalogs.Cultures.Count();
        var folder = catalogs.Default.Folder;
        LogLoaded(logger, languageCount, folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded: {LanguageCount} language(s), default from {Folder}")]
    private static partial void LogLoaded(ILogger logger, int languageCount, string folder);
}
