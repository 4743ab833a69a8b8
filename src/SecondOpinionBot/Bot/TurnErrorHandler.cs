using Microsoft.Bot.Builder;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Bot;

/// <summary>
/// The one turn-error policy: apologise in plain words, log with a correlation id and no message text, and reset only
/// the dialog position so the conversation cannot loop on the same failure. Answers live in the user's draft and stay.
/// </summary>
public sealed partial class TurnErrorHandler(
    DialogStackStore dialogStack, ContentCatalogs content, Intake.PatientLanguage language, ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        // Not failures of the turn: the lease stayed busy (nothing ran), or the committed turn's replies could not be
        // sent yet (they are kept). The request fails so the channel resends it; nothing is reset and no apology is sent.
        if (exception is Storage.Turns.TurnBusyException or Storage.Turns.ReplyDeliveryException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        }

        var correlationId = Guid.NewGuid().ToString("N")[..12];
        // Exception messages can quote user input, so only the type and the stack are logged.
        LogTurnFailed(correlationId, exception.GetType().FullName, turnContext.Activity.Type, turnContext.Activity.ChannelId, exception.StackTrace);
        try
        {
            // Reload first, so half-made changes of the failed turn are dropped rather than saved.
            TurnStateDocuments.Forget(turnContext);
            await dialogStack.ClearAsync(turnContext, CancellationToken.None);
        }
        catch (Exception resetError) when (resetError is not OperationCanceledException)
        {
            LogResetFailed(correlationId, resetError.GetType().FullName);
        }

        var apology = content.For(language.Known(turnContext)).Messages.Format(MessageKeys.ErrorsTurnFailed, ("reference", correlationId));
        await turnContext.SendActivityAsync(apology);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed. Correlation {CorrelationId}: {ExceptionType} in a {ActivityType} activity on {ChannelId}. {StackTrace}")]
    private partial void LogTurnFailed(string correlationId, string? exceptionType, string activityType, string channelId, string? stackTrace);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reset the dialog position. Correlation {CorrelationId}: {ExceptionType}")]
    private partial void LogResetFailed(string correlationId, string? exceptionType);
}
