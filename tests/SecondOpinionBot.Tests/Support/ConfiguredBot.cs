namespace SecondOpinionBot.Tests.Support;

/// <summary>Settings of a bot registered in Azure (fake values that pass startup validation; nothing reaches Azure).</summary>
public static class ConfiguredBot
{
    public const string AppId = "00000000-0000-0000-0000-000000000001";
    public const string TenantId = "66666666-7777-8888-9999-000000000000";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret-value~for-tests",
        ["MicrosoftAppTenantId"] = TenantId,
    };
}
