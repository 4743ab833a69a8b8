using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

public static class SafetyExtensions
{
    /// <summary>The emergency, language, command, glossary, FAQ and aside recognizers, and the emergency message builder (needs AddContent).</summary>
    public static WebApplicationBuilder AddSafety(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmergencyOptions>()
            .BindConfiguration(EmergencyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IContentCheck, EmergencyPhrasesCheck>();
        services.AddSingleton<EmergencyRecognizer>();
        services.AddSingleton<CommandRecognizer>();
        // Emergency first: the engine's InterruptionDetector lets an emergency win anyway, then keeps registration order.
        services.AddSingleton<IInterruptionRecognizer>(sp => sp.GetRequiredService<EmergencyRecognizer>());
        services.AddSingleton<IInterruptionRecognizer, LanguageRecognizer>();
        services.AddSingleton<IInterruptionRecognizer>(sp => sp.GetRequiredService<CommandRecognizer>());
        services.AddSingleton<IInterruptionRecognizer, GlossaryRecognizer>();
        services.AddSingleton<IInterruptionRecognizer, FaqRecognizer>();
        // Last: a question or a worry is only an aside when nothing above recognised it.
        services.AddSingleton<IInterruptionRecognizer, AsideRecognizer>();
        services.AddSingleton<EmergencyMessageBuilder>();
        return builder;
    }
}
