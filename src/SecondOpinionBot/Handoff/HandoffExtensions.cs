using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff;

public static class HandoffExtensions
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDatabaseSchema, CaseSchema>();
        builder.Services.AddSingleton<ICaseStore, SqliteCaseStore>();
        builder.Services.AddSingleton<IDatabaseSchema, Messages.CaseMessageSchema>();
        builder.Services.AddSingleton<Messages.ICaseMessageStore, Messages.SqliteCaseMessageStore>();
        return builder;
    }

    /// <summary>Queue bindings, the outbox and its worker, patient notices, and the staff side in Teams.</summary>
    public static WebApplicationBuilder AddHandoff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section)
            .Validate(o => o.Outbox.MaxAttempts >= 1 && o.Outbox.BatchSize >= 1, "Handoff:Outbox:MaxAttempts and BatchSize must be at least 1.")
            .Validate(o => o.Outbox.PollInterval > TimeSpan.Zero && o.Outbox.Lease > TimeSpan.Zero && o.Outbox.BaseDelay >= TimeSpan.Zero && o.Outbox.MaxDelay >= o.Outbox.BaseDelay,
                "Handoff:Outbox times must be positive, with MaxDelay at least BaseDelay.")
            .ValidateOnStart();
        services.AddSingleton<IDatabaseSchema, HandoffSchema>();
        services.AddSingleton<IQueueBindingStore, SqliteQueueBindingStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutbox, SqliteOutbox>();
        services.AddSingleton<PatientMessages>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton<IHandoffService, HandoffService>();
        services.AddSingleton<IPatientNotifier, PatientNotifier>();
        services.AddSingleton<StaffCards>();
        services.AddMemoryCache();
        services.AddSingleton<StaffRoster>();
        services.AddSingleton<StaffCaseWork>();
        services.AddSingleton<QueueHours>();
        services.AddSingleton<PatientCaseEvents>();
        services.AddSingleton<Intake.OpenCaseRouter>();
        services.AddSingleton<StaffDialogs>();
        services.AddSingleton<StaffPersonalChat>();
        services.AddSingleton<StaffAuthorizer>();
        services.AddSingleton<StaffCaseActions>();
        services.AddSingleton<StaffCommands>();
        services.AddSingleton<StaffText>();
        services.AddSingleton<StaffActivityHandler>();
        return builder;
    }
}
