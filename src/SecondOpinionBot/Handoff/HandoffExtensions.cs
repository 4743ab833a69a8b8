using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Privacy;
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
        builder.Services.AddSingleton<IPersonalDataParticipant, Outbox.OutboxNoticeParticipant>();
        builder.Services.AddSingleton<IPersonalDataParticipant, Messages.CaseMessageDataParticipant>();
        builder.Services.AddSingleton<IPersonalDataParticipant, CaseDataParticipant>();
        builder.Services.AddSingleton<IRetentionParticipant, ClosedCaseRetention>();
        return builder;
    }

    /// <summary>Queue bindings, the outbox and its worker, patient notices and case events (the staff side is AddStaff).</summary>
    public static WebApplicationBuilder AddHandoff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section)
            .Validate(o => o.Outbox.MaxAttempts >= 1 && o.Outbox.BatchSize >= 1, "Handoff:Outbox:MaxAttempts and BatchSize must be at least 1.")
            .Validate(o => o.Outbox.PollInterval > TimeSpan.Zero && o.Outbox.Lease > TimeSpan.Zero && o.Outbox.BaseDelay >= TimeSpan.Zero && o.Outbox.MaxDelay >= o.Outbox.BaseDelay,
                "Handoff:Outbox times must be positive, with MaxDelay at least BaseDelay.")
            .Validate(o => o.ServiceLevels.Urgent > TimeSpan.Zero && o.ServiceLevels.Routine > TimeSpan.Zero && o.ServiceLevels.CheckEvery > TimeSpan.Zero
                    && o.ServiceLevels.RefreshCardsEvery >= o.ServiceLevels.CheckEvery,
                "Handoff:ServiceLevels:Urgent, Routine and CheckEvery must be positive, and RefreshCardsEvery at least CheckEvery.")
            .Validate(o => o.QueueHours.Keys.All(q => q is QueueNames.SocialWork or QueueNames.CareCoordination),
                "Handoff:QueueHours names a queue that does not exist (social-work, care-coordination).")
            .Validate(o => new[] { o.Hours }.Concat(o.QueueHours.Values).All(BusinessCalendar.IsValid),
                "Handoff:Hours (and each Handoff:QueueHours entry) needs a known TimeZone, Open before Close, and at least one working day.")
            .ValidateOnStart();
        services.AddSingleton<IDatabaseSchema, HandoffSchema>();
        services.AddSingleton<IQueueBindingStore, SqliteQueueBindingStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutbox, SqliteOutbox>();
        services.AddSingleton<PatientMessages>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<DeadLetterFollowUp>();
        services.AddSingleton<OutboxWorkerHeartbeat>();
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton<IHandoffService, HandoffService>();
        services.AddSingleton<IPatientNotifier, PatientNotifier>();
        services.AddSingleton<QueueHours>();
        services.AddSingleton<PatientCaseEvents>();
        services.AddSingleton<ContactWhen>();
        services.AddSingleton<TimerLease>();
        return builder;
    }
}
