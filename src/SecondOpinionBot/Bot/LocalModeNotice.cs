using Microsoft.Extensions.Options;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Bot;

/// <summary>Says once, at startup, that the bot runs without Azure authentication.</summary>
public sealed partial class LocalModeNotice(IOptions<BotAuthOptions> auth, ILogger<LocalModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (auth.Value.IsLocalMode)
        {
            LogLocalMode();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local mode: no MicrosoftAppId is set, so requests are not authenticated; listening on loopback only and replying only to loopback service URLs. Not for production.")]
    private partial void LogLocalMode();
}
