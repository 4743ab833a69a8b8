using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SecondOpinionBot.Privacy;

public static class PrivacyExtensions
{
    /// <summary>"What do you know about me", "delete my data" and the retention purge (needs AddCases and AddPrepSheets).</summary>
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<IPatientDataEraser, PatientDataEraser>();
        services.AddSingleton<IPersonalDataParticipant, BotStateDataParticipant>();
        // Before the cases: pending notices are found through the case's owner key, which erasing a case replaces.
        services.AddSingleton<IPersonalDataParticipant, Handoff.Outbox.OutboxNoticeParticipant>();
        services.AddSingleton<IPersonalDataParticipant, Handoff.Messages.CaseMessageDataParticipant>();
        services.AddSingleton<IPersonalDataParticipant, CaseDataParticipant>();
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
