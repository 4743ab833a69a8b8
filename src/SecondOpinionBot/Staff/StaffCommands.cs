using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;

namespace SecondOpinionBot.Staff;

/// <summary>The team-channel commands: set queue, queue, case. Each checks the channel before doing anything.</summary>
public sealed partial class StaffCommands(
    StaffAuthorizer authorizer, IQueueBindingStore bindings, ICaseStore cases, StaffCards cards, IOutbox outbox, TimeProvider clock, ILogger<StaffCommands> logger)
{
    public const string Help =
        "Hello, care team. I post second-opinion cases here for you to claim. Commands: " +
        "\"set queue social-work\" or \"set queue care-coordination\" sends that queue's new cases to this channel; " +
        "\"queue\" lists this channel's open cases; \"case SO-7K3F\" shows one case's card.";

    public async Task HandleAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var match = CommandRouter.Route(turnContext.Activity.Text, CommandScope.Team);
        var reply = match switch
        {
            null => Help,
            { NeedsArgument: true, Command.Id: CommandId.SetQueue } => "Which queue? Type: set queue social-work, or set queue care-coordination.",
            { NeedsArgument: true, Command.Id: CommandId.Case } => "Which case? For example: case SO-7K3F",
            { Command.Id: CommandId.SetQueue } => await BindAsync(turnContext.Activity, match.Argument!, cancellationToken),
            { Command.Id: CommandId.Queue } => await ListAsync(turnContext.Activity, cancellationToken),
            { Command.Id: CommandId.Case } => await ShowCaseAsync(turnContext, match.Argument!, cancellationToken),
            _ => Help,
        };
        if (reply is not null)
        {
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
    }

    private async Task<string> BindAsync(IMessageActivity activity, string queue, CancellationToken cancellationToken)
    {
        var (origin, refusal, current) = await authorizer.CheckBindingAsync(activity, queue, cancellationToken);
        var who = CardText.FirstName(activity.From?.Name) is { Length: > 0 } name ? name : "Someone";
        if (origin is null)
        {
            LogBindingRefused(refusal!.Code, queue);
            if (current is not null)
            {
                await TellChannelAsync(current, queue, $"{who} asked, from another channel, to move the {QueueNames.Title(queue).ToLowerInvariant()} queue there. It was refused: the queue still posts here.", cancellationToken);
            }

            return refusal.Text;
        }

        await bindings.SaveAsync(new QueueBinding(queue, origin.TeamId, origin.ChannelId, origin.ServiceUrl, origin.TenantId, origin.UserId, clock.GetUtcNow()), cancellationToken);
        LogBound(queue);
        var moved = current is not null && (current.ChannelId != origin.ChannelId || current.TeamId != origin.TeamId);
        if (moved)
        {
            await TellChannelAsync(current!, queue, $"{who} moved the {QueueNames.Title(queue).ToLowerInvariant()} queue to another channel. New cases will no longer arrive here.", cancellationToken);
        }

        return $"Done: new {QueueNames.Title(queue).ToLowerInvariant()} cases will arrive in this channel as cards you can claim. " +
            "Type \"queue\" to see the open ones.";
    }

    private Task TellChannelAsync(QueueBinding binding, string queue, string text, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(OutboxKind.ChannelNotice, new OutboxPayload($"queue:{queue}", Text: text, Channel: new ChannelAddress(binding.ChannelId, binding.ServiceUrl, binding.TenantId)), null, cancellationToken);

    private async Task<string> ListAsync(IMessageActivity activity, CancellationToken cancellationToken)
    {
        var (origin, refusal) = authorizer.CheckChannel(activity);
        if (origin is null)
        {
            return refusal!.Text;
        }

        var bound = await bindings.FindByChannelAsync(origin.TeamId, origin.ChannelId, cancellationToken);
        if (bound.Count == 0)
        {
            return "This channel is not set up for a queue yet. Type: set queue social-work, or set queue care-coordination.";
        }

        var now = clock.GetUtcNow();
        var text = new StringBuilder();
        foreach (var binding in bound)
        {
            var open = await cases.ListOpenAsync(binding.Queue, cancellationToken);
            text.Append(CultureInfo.InvariantCulture, $"{QueueNames.Title(binding.Queue)}: {open.Count} open case{(open.Count == 1 ? "" : "s")}.");
            foreach (var (record, index) in open.Select((r, i) => (r, i + 1)))
            {
                var who = record.Status == CaseStatus.Claimed ? $"claimed by {CardText.FirstName(record.AssigneeName)}" : record.Status.ToString().ToLowerInvariant();
                text.Append(CultureInfo.InvariantCulture, $"\n\n{index}. {record.Reference} · {(record.Priority == CasePriority.Urgent ? "urgent" : "routine")} · waiting {CardText.Waiting(now - record.CreatedAt)} · {who}");
            }

            text.Append("\n\n");
        }

        return text.ToString().TrimEnd() + "\n\nType \"case SO-XXXX\" to see one case's card.";
    }

    private async Task<string?> ShowCaseAsync(ITurnContext turnContext, string reference, CancellationToken cancellationToken)
    {
        var record = await cases.FindAsync(reference, cancellationToken);
        if (record is null)
        {
            var (origin, refusal) = authorizer.CheckChannel(turnContext.Activity);
            return origin is null ? refusal!.Text : StaffRefusal.UnknownCase.Text;
        }

        var (allowed, notHere) = await authorizer.CheckQueueAsync(turnContext.Activity, record.Queue, cancellationToken);
        if (allowed is null)
        {
            // The same words as for a missing case: other queues' references are not confirmed here.
            return notHere == StaffRefusal.NotBoundChannel ? StaffRefusal.UnknownCase.Text : notHere!.Text;
        }

        var posted = await turnContext.SendActivityAsync(MessageFactory.Attachment(cards.For(record).ToAttachment()), cancellationToken);
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
}
