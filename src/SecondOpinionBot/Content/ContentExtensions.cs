using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Content;

public static class ContentExtensions
{
    /// <summary>
    /// Registers the validated content of dialogs/ (every language) and the engine's LexiconSet built from it. Content
    /// is loaded when the host starts; a bad file stops startup with file and line. Other features add their own rules as
    /// <see cref="IContentCheck"/>s (AddSafety's emergency phrase check); the recognizers are AddSafety's.
    /// </summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var folder = ContentDirectory.Resolve(options.Directory, environment.ContentRootPath);
            return ContentCatalogs.Load(folder, options.DefaultCulture, sp.GetServices<IContentCheck>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<ContentCatalogs>().Default);
        services.AddSingleton(sp => ContentLexicon.From(sp.GetRequiredService<ContentCatalogs>()));
        services.AddHostedService<ContentStartupCheck>();

        return builder;
    }
}
