namespace SecondOpinionBot.Options;

/// <summary>
/// The Bot Framework's own configuration keys, read from the configuration root as the SDK reads them.
/// An empty MicrosoftAppId means local mode: no Azure, loopback only, development only.
/// </summary>
public sealed class BotAuthOptions
{
    public string MicrosoftAppType { get; set; } = "";
    public string MicrosoftAppId { get; set; } = "";
    public string MicrosoftAppPassword { get; set; } = "";
    public string MicrosoftAppTenantId { get; set; } = "";

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
