namespace SecondOpinionBot.Staff;

public static class StaffExtensions
{
    /// <summary>The staff side in Teams: case cards and their actions, commands, dialogs, service levels and reminders (needs AddHandoff).</summary>
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<FailedDeliveriesList>();
        services.AddSingleton<FailedDeliveryWords>();
        services.AddSingleton<FailedDeliveryCard>();
        services.AddSingleton<StaffCards>();
        services.AddMemoryCache();
        services.AddSingleton<StaffRoster>();
        services.AddSingleton<StaffCaseWork>();
        services.AddSingleton<StaffDialogs>();
        services.AddSingleton<StaffPersonalChat>();
        services.AddSingleton<StaffAuthorizer>();
        services.AddSingleton<StaffCaseActions>();
        services.AddSingleton<StaffCommands>();
        services.AddSingleton<StaffText>();
        services.AddSingleton<StaffCaseChanges>();
        services.AddSingleton<StaffCaseCommands>();
        services.AddSingleton<StaffQueueViews>();
        services.AddSingleton<ServiceLevels>();
        services.AddSingleton<OverdueReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueReminders>());
        services.AddSingleton<StaffActivityHandler>();
        return builder;
    }
}
