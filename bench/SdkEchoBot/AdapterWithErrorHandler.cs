using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;

namespace SdkEchoBot;

/// <summary>The sample's adapter: CloudAdapter, and on a failed turn a log line, two apology messages and a trace.</summary>
public sealed partial class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<IBotFrameworkHttpAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnError(logger, exception);
            await turnContext.SendActivityAsync("The bot encountered an error or bug.");
            await turnContext.SendActivityAsync("To continue to run this bot, please fix the bot source code.");
            await turnContext.TraceActivityAsync("OnTurnError Trace", exception.Message, "https://www.botframework.com/schemas/error", "TurnError");
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "[OnTurnError] unhandled error")]
    private static partial void LogTurnError(ILogger logger, Exception exception);
}
