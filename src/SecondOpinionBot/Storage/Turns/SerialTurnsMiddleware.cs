using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// Exactly-once state, at-least-once replies, one turn at a time per conversation in arrival order.
/// Inside the conversation's lease (<see cref="TurnLease"/>):
/// 1. replies of earlier turns not known to be delivered are sent first;
/// 2. an activity id already in the <see cref="TurnJournal"/> is not run again (the resend gets a success);
/// 3. otherwise the turn runs with its bot-state writes staged (<see cref="TurnUnit"/>) and its replies held back
///    (and joined into as few messages as they can be, <see cref="TurnReplies"/>);
///    state and replies are committed in one transaction with the journal entry, then the replies are sent and
///    marked delivered. A crash before the commit leaves no trace of the turn (its resend runs it again from the same
///    state); a crash after it loses no reply (the resend, or the next turn, sends them).
/// Invokes (card actions) skip all of this: Teams retries them after ~5 s and they must answer at once; they change
/// cases only through conditional writes. Activities without an id (proactive continuations) take the lease only.
/// </summary>
public sealed partial class SerialTurnsMiddleware(ITurnLease queue, ITurnJournal journal, SqliteBotStorage storage, ILogger<SerialTurnsMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || activity.Type == ActivityTypes.Invoke)
        {
            await next(cancellationToken);
            return;
        }

        var conversationKey = $"{activity.ChannelId}/{conversationId}";
        await using var lease = await queue.AcquireAsync(conversationKey, cancellationToken);
        using var keys = PatientKeyScope.Begin();
        var subject = PatientDataSubjects.Conversation(activity.ChannelId ?? "", conversationId);
        var hasId = !string.IsNullOrEmpty(activity.Id);
        var journaled = await journal.LookupAsync(conversationKey, subject, hasId ? activity.Id : null, cancellationToken);
        foreach (var entry in journaled.Undelivered)
        {
            LogRedelivery(entry.Replies.Count);
            await SendAsync(turnContext, conversationKey, entry, lease: null, cancellationToken);
        }

        if (!hasId)
        {
            await next(cancellationToken);
            return;
        }

        if (journaled.Handled is not null)
        {
            LogResend(activity.Type);
            return; // Handled before; undelivered replies went out above.
        }

        var held = new List<Activity>();
        var holding = true;
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            if (!holding)
            {
                return await nextSend();
            }

            var immediate = activities.Where(a => a.Type is ActivityTypes.Typing or ActivityTypes.Trace or ActivityTypesEx.InvokeResponse or ActivityTypes.Delay).ToList();
            if (immediate.Count > 0 && immediate.Count == activities.Count)
            {
                return await nextSend();
            }

            held.AddRange(activities.Except(immediate));
            return activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
        });

        var unit = TurnUnit.Begin();
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            // Failed turns commit nothing; the error handler's apology goes out directly.
            holding = false;
            TurnUnit.End();
        }

        held = TurnReplies.Combine(held);
        var protectedReplies = await journal.ProtectRepliesAsync(subject, held, cancellationToken);
        await storage.CommitTurnAsync(unit, (connection, transaction) =>
            journal.RecordAsync(connection, transaction, conversationKey, activity.Id, protectedReplies, delivered: held.Count == 0, cancellationToken), cancellationToken);
        if (held.Count > 0)
        {
            // The turn's last write marks its replies delivered and releases the lease together.
            await SendAsync(turnContext, conversationKey, new TurnJournal.Entry(activity.Id!, held, false), lease, cancellationToken);
        }
    }

    private async Task SendAsync(ITurnContext turnContext, string conversationKey, TurnJournal.Entry entry, HeldTurnLease? lease, CancellationToken cancellationToken)
    {
        try
        {
            // The adapter directly: these replies were held by this middleware's own handler.
            await turnContext.Adapter.SendActivitiesAsync(turnContext, [.. entry.Replies], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ReplyDeliveryException(ex);
        }

        await journal.MarkDeliveredAsync(conversationKey, entry.ActivityId, lease, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {ActivityType} activity already handled was received again; not run twice.")]
    private partial void LogResend(string activityType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending {Count} reply(ies) of an earlier turn that may not have been delivered.")]
    private partial void LogRedelivery(int count);
}

/// <summary>The turn is committed but its replies could not be sent; they stay in the journal and go out with the resend or the next turn.</summary>
public sealed class ReplyDeliveryException(Exception inner) : Exception("The turn's replies could not be delivered yet.", inner);
