using Microsoft.Bot.Builder;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Storage;

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
        var activity = turnContext.Activity;
        // Exception messages can quote user input, so only the type, the database's error code and the stack are logged.
        var exceptionType = exception.GetType().FullName;
        var databaseError = exception.DatabaseErrorCode();
        if (IsComeBackLater(exception) || IsProactiveSend(activity))
        {
            // Not failures of the turn, or not a turn anyone is waiting on: nothing is reset, no apology is sent, and the
            // exception goes back to whoever sent the activity. A channel's request fails (503 when it is only busy) so
            // the channel resends it, and the journal makes the resend exactly-once; a proactive send's caller (the
            // outbox) retries it. An apology here told a staff member something went wrong for a turn that then
            // succeeded on the resend, or posted "something went wrong" into a case thread for a notice sent later.
            LogTurnDeferred(exceptionType, databaseError, activity.Type, activity.ChannelId);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        }

        var correlationId = Guid.NewGuid().ToString("N")[..12];
        LogTurnFailed(correlationId, exceptionType, databaseError, activity.Type, activity.ChannelId, exception.StackTrace);
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

    /// <summary>
    /// The turn did not finish but will be sent again: the conversation's lease stayed busy (nothing ran), the committed
    /// turn's replies could not be sent yet (they are kept), or the database stayed locked past its busy timeout (the
    /// turn's own writes commit together or not at all, so nothing of it is kept).
    /// </summary>
    public static bool IsComeBackLater(Exception exception) =>
        exception is Storage.Turns.TurnBusyException or Storage.Turns.ReplyDeliveryException || exception.IsDatabaseBusy();

    /// <summary>The adapter's continuation of a conversation for a proactive send (the outbox, staff notices): no one asked anything.</summary>
    private static bool IsProactiveSend(Microsoft.Bot.Schema.Activity activity) =>
        activity is { Type: Microsoft.Bot.Schema.ActivityTypes.Event, Name: Microsoft.Bot.Schema.ActivityEventNames.ContinueConversation };

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed. Correlation {CorrelationId}: {ExceptionType} ({DatabaseError}) in a {ActivityType} activity on {ChannelId}. {StackTrace}")]
    private partial void LogTurnFailed(string correlationId, string? exceptionType, string? databaseError, string activityType, string channelId, string? stackTrace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn not completed, left to its sender to send again: {ExceptionType} ({DatabaseError}) in a {ActivityType} activity on {ChannelId}.")]
    private partial void LogTurnDeferred(string? exceptionType, string? databaseError, string activityType, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reset the dialog position. Correlation {CorrelationId}: {ExceptionType}")]
    private partial void LogResetFailed(string correlationId, string? exceptionType);
}
