using Microsoft.Extensions.Options;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Content;

public static class ContentExtensions
{
    /// <summary>
    /// Registers the validated content of dialogs/ (every language), the engine's LexiconSet built from it, the
    /// emergency and command recognizers and the emergency message builder. Content is loaded when the host starts; a bad file stops startup with file and line.
    /// </summary>
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddOptions<EmergencyOptions>()
            .BindConfiguration(EmergencyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ContentOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var folder = ContentDirectory.Resolve(options.Directory, environment.ContentRootPath);
            return ContentCatalogs.Load(folder, options.DefaultCulture);
        });
        services.AddSingleton(sp => sp.GetRequiredService<ContentCatalogs>().Default);
        services.AddSingleton(sp => ContentLexicon.From(sp.GetRequiredService<ContentCatalogs>()));
        services.AddHostedService<ContentStartupCheck>();

        services.AddSingleton<EmergencyRecognizer>();
        services.AddSingleton<CommandRecognizer>();
        // Emergency first: the engine's InterruptionDetector lets an emergency win anyway, then keeps registration order.
        services.AddSingleton<IInterruptionRecognizer>(sp => sp.GetRequiredService<EmergencyRecognizer>());
        services.AddSingleton<IInterruptionRecognizer>(sp => sp.GetRequiredService<CommandRecognizer>());
        services.AddSingleton<IInterruptionRecognizer, GlossaryRecognizer>();
        services.AddSingleton<IInterruptionRecognizer, FaqRecognizer>();
        // Last: a question or a worry is only an aside when nothing above recognised it.
        services.AddSingleton<IInterruptionRecognizer, AsideRecognizer>();
        services.AddSingleton<EmergencyMessageBuilder>();
        return builder;
    }
}
