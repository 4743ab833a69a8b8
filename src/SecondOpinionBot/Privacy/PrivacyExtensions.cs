using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SecondOpinionBot.Privacy;

public static class PrivacyExtensions
{
    /// <summary>
    /// "What do you know about me", "delete my data" and the retention purge. Each feature registers the stores it keeps
    /// about a patient (<see cref="IPersonalDataParticipant"/>) and what it purges on a schedule (<see cref="IRetentionParticipant"/>).
    /// </summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<IPatientDataEraser, PatientDataEraser>();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RetentionSweep>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return builder;
    }
}
