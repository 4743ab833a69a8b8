using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>The team-channel commands: set queue, move queue, queue, case. Each checks the channel before doing anything.</summary>
public sealed partial class StaffCommands(
    StaffAuthorizer authorizer, StaffRoster roster, IQueueBindingStore bindings, ICaseStore cases, StaffCards cards, IOutbox outbox, FailedDeliveriesList failedDeliveries, StaffText text,
    StaffCaseCommands caseCommands, StaffQueueViews views, TimeProvider clock, ILogger<StaffCommands> logger)
{
    /// <summary>How long after "move queue" another channel may take the queue.</summary>
    public static readonly TimeSpan MoveWindow = TimeSpan.FromMinutes(15);

    public async Task HandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (StaffCaseCommands.ParseWithText(turnContext.Activity.Text) is { } withText)
        {
            await turnContext.SendActivityAsync(await caseCommands.HandleAsync(turnContext, withText.Id, withText.Reference, withText.Text, cancellationToken), cancellationToken: cancellationToken);
            return;
        }

        if (StaffQueueViews.ParseFilter(turnContext.Activity.Text) is { } filter)
        {
            await turnContext.SendActivityAsync(await views.ListAsync(turnContext.Activity, filter, cancellationToken), cancellationToken: cancellationToken);
            return;
        }

        var match = CommandRouter.Route(turnContext.Activity.Text, CommandScope.Team);
        var reply = match switch
        {
            null => text.Get(StaffMessageKeys.CommandsHelp),
            { NeedsArgument: true, Command.Id: CommandId.SetQueue or CommandId.MoveQueue } => text.Get(StaffMessageKeys.CommandsWhichQueue),
            { NeedsArgument: true } => text.Get(StaffMessageKeys.CommandsWhichCase),
            { Command.Id: CommandId.SetQueue } => await BindAsync(turnContext.Activity, match.Argument!, cancellationToken),
            { Command.Id: CommandId.MoveQueue } => await AllowMoveAsync(turnContext, match.Argument!, cancellationToken),
            { Command.Id: CommandId.Queue } => await views.ListAsync(turnContext.Activity, QueueFilter.All, cancellationToken),
            { Command.Id: CommandId.Assign or CommandId.Unassign or CommandId.Transfer or CommandId.Reopen or CommandId.Note or CommandId.History } =>
                await caseCommands.HandleAsync(turnContext, match.Command.Id, match.Argument!, "", cancellationToken),
            { Command.Id: CommandId.Case } => await ShowCaseAsync(turnContext, match.Argument!, cancellationToken),
            { Command.Id: CommandId.FailedDeliveries } => await failedDeliveries.ListAsync(turnContext.Activity, cancellationToken),
            _ => text.Get(StaffMessageKeys.CommandsHelp),
        };
        if (reply is not null)
        {
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
    }

    private string Who(IMessageActivity activity) => CardText.FirstName(activity.From?.Name) is { Length: > 0 } name ? name : text.Get(StaffMessageKeys.WordsSomeone);

    private string QueueWords(string queue) => text.QueueInSentence(queue);

    private async Task<string> BindAsync(IMessageActivity activity, string queue, CancellationToken cancellationToken)
    {
        var (origin, refusal, current) = await authorizer.CheckBindingAsync(activity, queue, cancellationToken);
        var who = Who(activity);
        if (origin is null)
        {
            LogBindingRefused(refusal!.Code, queue);
            if (current is not null)
            {
                await TellChannelAsync(current, queue, text.Get(StaffMessageKeys.CommandsMoveRefused, ("who", who), ("queueName", QueueWords(queue)), ("queue", queue)), cancellationToken);
            }

            return text.Of(refusal);
        }

        await bindings.SaveAsync(new QueueBinding(queue, origin.TeamId, origin.ChannelId, origin.ServiceUrl, origin.TenantId, origin.UserId, clock.GetUtcNow()), cancellationToken);
        LogBound(queue);
        var moved = current is not null && (current.ChannelId != origin.ChannelId || current.TeamId != origin.TeamId);
        if (moved)
        {
            await TellChannelAsync(current!, queue, text.Get(StaffMessageKeys.CommandsMovedAway, ("who", who), ("queueName", QueueWords(queue))), cancellationToken);
            return text.Get(StaffMessageKeys.CommandsMovedFrom, ("queueName", QueueWords(queue)));
        }

        return text.Get(StaffMessageKeys.CommandsBound, ("queueName", QueueWords(queue)));
    }

    /// <summary>
    /// "move queue X" in the channel X posts in (a member of that team, asked afresh) opens a short window in which
    /// another channel may take X with "set queue X"; that channel's team must still pass the allow-list.
    /// </summary>
    private async Task<string> AllowMoveAsync(ITurnContext turn, string queue, CancellationToken cancellationToken)
    {
        var (origin, refusal) = await authorizer.CheckMoveAsync(turn.Activity, queue, cancellationToken);
        if (origin is null)
        {
            LogMoveRefused(refusal!.Code, queue);
            return text.Of(refusal);
        }

        switch (await roster.CheckAsync(turn, origin.TeamId, fresh: true, cancellationToken))
        {
            case RosterAnswer.NotMember when !authorizer.IsAdmin(turn.Activity):
                return text.Of(StaffRefusal.NotTeamMember);
            case RosterAnswer.Unavailable when !authorizer.IsAdmin(turn.Activity):
                return text.Of(StaffRefusal.RosterUnavailable);
        }

        await bindings.AllowMoveAsync(queue, origin.UserId, clock.GetUtcNow() + MoveWindow, cancellationToken);
        LogMoveAllowed(queue);
        var minutes = ((int)MoveWindow.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        if (await bindings.FindAsync(queue, cancellationToken) is { } current && (current.ChannelId != origin.ChannelId || current.TeamId != origin.TeamId))
        {
            // An admin started it from elsewhere: the channel that has the queue hears it.
            await TellChannelAsync(current, queue, text.Get(StaffMessageKeys.CommandsMoveReadyNotice, ("who", Who((IMessageActivity)turn.Activity)), ("queueName", QueueWords(queue)), ("minutes", minutes)), cancellationToken);
        }

        return text.Get(StaffMessageKeys.CommandsMoveReady, ("minutes", minutes), ("queueName", QueueWords(queue)), ("queue", queue));
    }

    private Task TellChannelAsync(QueueBinding binding, string queue, string line, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(OutboxKind.ChannelNotice, new OutboxPayload($"queue:{queue}", Text: line, Channel: new ChannelAddress(binding.ChannelId, binding.ServiceUrl, binding.TenantId)), null, cancellationToken);

    private async Task<string?> ShowCaseAsync(ITurnContext turnContext, string reference, CancellationToken cancellationToken)
    {
        var record = await cases.FindAsync(reference, cancellationToken);
        if (record is null)
        {
            var (origin, refusal) = authorizer.CheckChannel(turnContext.Activity);
            return text.Of(origin is null ? refusal! : StaffRefusal.UnknownCase);
        }

        var (allowed, notHere) = await authorizer.CheckQueueAsync(turnContext.Activity, record.Queue, cancellationToken);
        if (allowed is null)
        {
            // The same words as for a missing case: other queues' references are not confirmed here.
            return text.Of(notHere == StaffRefusal.NotBoundChannel ? StaffRefusal.UnknownCase : notHere!);
        }

        var posted = await turnContext.SendActivityAsync(MessageFactory.Attachment((await cards.ForAsync(record, null, cancellationToken)).ToAttachment()), cancellationToken);
        if (posted?.Id is { Length: > 0 } id && turnContext.Activity.Conversation?.Id is { Length: > 0 } conversation)
        {
            // This copy is updated with the thread's card from now on.
            await cases.AddCardCopyAsync(record.Reference, conversation, id, cancellationToken);
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue} bound to a channel.")]
    private partial void LogBound(string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to bind queue {Queue} ({Code}).")]
    private partial void LogBindingRefused(string code, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue} may move to another channel for a short while.")]
    private partial void LogMoveAllowed(string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to let queue {Queue} move ({Code}).")]
    private partial void LogMoveRefused(string code, string queue);
}
