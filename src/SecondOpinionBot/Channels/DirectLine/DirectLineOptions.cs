namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>Settings of the local Direct Line 3.0 endpoint and of the web chat token exchange (section "DirectLine").</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>On by default in local mode (no MicrosoftAppId); set true to keep it on next to a configured bot identity.</summary>
    public bool? Enabled { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a browser may rejoin its conversation with the resume secret it keeps (counted from the conversation's
    /// start). A shared computer should not reopen someone's health conversation for ever; after this the page starts a
    /// new conversation.
    /// </summary>
    public TimeSpan ResumeLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Base64 HMAC key for tokens. When empty, a key is generated at first start and kept in the database.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Origins allowed to call /v3/directline from another site. Empty: same origin only.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Where the bot's replies are posted back to this server. Empty: found from the server's own addresses.</summary>
    public string? ConnectorBaseUrl { get; set; }

    public string BotId { get; set; } = "second-opinion-bot";

    public string BotName { get; set; } = "Second opinion helper";

    /// <summary>Azure Direct Line secret for production web chat; exchanged for tokens server-side, never sent to a browser.</summary>
    public string? AzureSecret { get; set; }

    public Uri AzureEndpoint { get; set; } = new("https://directline.botframework.com");

    /// <summary>Whether the local endpoint is on, given the bot identity configuration.</summary>
    public bool IsLocalEndpointEnabled(IConfiguration configuration)
        => Enabled ?? string.IsNullOrEmpty(configuration["MicrosoftAppId"]);

    public bool UsesAzureDirectLine => !string.IsNullOrWhiteSpace(AzureSecret);
}
