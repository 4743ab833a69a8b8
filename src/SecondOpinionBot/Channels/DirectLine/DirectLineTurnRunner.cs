using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Runs a turn in-process through the host's CloudAdapter with the anonymous local identity. The adapter's connector
/// client posts the bot's replies to <see cref="DirectLineServiceUrl"/>, i.e. back to this server.
/// </summary>
public sealed partial class DirectLineTurnRunner(CloudAdapter adapter, ILogger<DirectLineTurnRunner> logger)
{
    public enum Outcome
    {
        Ran,
        Failed,

        /// <summary>The conversation's lease (or the database) stayed taken: nothing of the turn was kept, the client should resend.</summary>
        Busy,
    }

    /// <summary>Runs the turn; a failure is logged and reported, the posted activity stays stored.</summary>
    public async Task<Outcome> RunAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        try
        {
            // CloudAdapter has no public "process this trusted activity" entry in SDK 4.23.1; ContinueConversationAsync
            // with a claims identity runs exactly that pipeline (connector factory, turn context, middleware, bot).
            await adapter.ContinueConversationAsync(DirectLineIdentity.Create(), activity, bot.OnTurnAsync, cancellationToken);
            return Outcome.Ran;
        }
        catch (Exception busy) when (busy is Storage.Turns.TurnBusyException || Storage.DbCommandExtensions.IsDatabaseBusy(busy))
        {
            return Outcome.Busy;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Exception messages can quote the user's text, so only the type is logged (as TurnErrorHandler does).
            LogTurnFailed(exception.GetType().FullName, activity.Type);
            return Outcome.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Local Direct Line turn failed: {ExceptionType} for activity type {ActivityType}")]
    private partial void LogTurnFailed(string? exceptionType, string activityType);
}
