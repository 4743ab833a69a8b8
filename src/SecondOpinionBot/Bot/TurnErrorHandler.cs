using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Bot;

/// <summary>The one turn-error policy: apologise in plain words, log with a correlation id and no message text.</summary>
public sealed partial class TurnErrorHandler(ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        var correlationId = Guid.NewGuid().ToString("N")[..12];
        LogTurnFailed(exception, correlationId, turnContext.Activity.Type, turnContext.Activity.ChannelId);
        await turnContext.SendActivityAsync(
            $"Sorry, something went wrong on my side. Your answers are safe. Please send your last message again. (Reference {correlationId})");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed. Correlation {CorrelationId}, activity type {ActivityType}, channel {ChannelId}")]
    private partial void LogTurnFailed(Exception exception, string correlationId, string activityType, string channelId);
}
