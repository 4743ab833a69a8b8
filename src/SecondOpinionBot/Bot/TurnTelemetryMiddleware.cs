using System.Diagnostics;
using Microsoft.Bot.Builder;
using SecondOpinionBot.Bot;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Operations.Telemetry;
using SecondOpinionBot.Operations;

namespace SecondOpinionBot.Bot;

/// <summary>
/// The outermost middleware: one span per turn (activity type, channel, where the dialog stands afterwards, outcome,
/// a keyed hash of the conversation) and the turn counter and latency histogram, the turn lease included.
/// The dialog position and the hash are only worked out when a tracer records the span; without one a turn costs a
/// timestamp and two no-op instrument calls.
/// </summary>
public sealed class TurnTelemetryMiddleware(BotMetrics metrics, Pseudonyms pseudonyms, DialogStackStore stacks) : Microsoft.Bot.Builder.IMiddleware
{
    public const string SpanName = "bot.turn";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var channel = TagValues.Code(activity.ChannelId);
        var type = TagValues.Code(activity.Type);
        var started = Stopwatch.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity(SpanName, ActivityKind.Internal);
        var patient = ConversationScope.IsPatientConversation(activity);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("so.channel", channel);
            span.SetTag("so.activity.type", type);
            span.SetTag("so.conversation.scope", patient ? "patient" : "staff");
            if (activity.Conversation?.Id is { Length: > 0 } conversationId)
            {
                span.SetTag("so.conversation.hash", await pseudonyms.HashAsync(channel + "/" + conversationId, cancellationToken));
            }
        }

        var outcome = "error";
        try
        {
            await next(cancellationToken);
            outcome = "ok";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Exception ex)
        {
            // The type only: exception messages can quote what the user typed.
            span?.SetTag("error.type", ex.GetType().FullName);
            span?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            metrics.Turn(channel, type, outcome, Stopwatch.GetElapsedTime(started).TotalSeconds);
            span?.SetTag("so.turn.outcome", outcome);
        }

        if (span is { IsAllDataRequested: true } && patient)
        {
            span.SetTag("so.dialog.step", await DialogStepAsync(turnContext, cancellationToken));
        }
    }

    /// <summary>The dialog ids on the stack after the turn, outermost first ("intake/records/choice"); "none" when idle.</summary>
    private async Task<string> DialogStepAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var stack = await stacks.LoadAsync(turnContext, cancellationToken);
        if (stack is null)
        {
            return "unreadable";
        }

        return stack.Frames.Count == 0 ? "none" : TagValues.Code(string.Join('/', stack.Frames.Select(f => f.DialogId)), maxLength: 120);
    }
}
