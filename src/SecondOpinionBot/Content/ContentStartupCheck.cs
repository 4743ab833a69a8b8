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
        foreach (var culture in catalogs.Cultures)
        {
            var content = catalogs.For(culture);
            if (!content.Letters.IsApproved)
            {
                var file = Path.Combine(content.Folder, ContentFiles.Letters);
                LogLetterNotApproved(logger, file);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded: {LanguageCount} language(s), default from {Folder}")]
    private static partial void LogLoaded(ILogger logger, int languageCount, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "The records request letter in {File} has no review (reviewedBy, reviewedOn): prep sheets offer no letter until the health-information and legal staff approve it")]
    private static partial void LogLetterNotApproved(ILogger logger, string file);
}
