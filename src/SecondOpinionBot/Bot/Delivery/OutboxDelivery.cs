using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Options;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Bot.Delivery;

/// <summary>
/// Sends one outbox item through the bot's adapter. Cards and patient conversations are read from the case at send
/// time, so a retry always shows the current state. Connector errors are thrown and sorted by the processor.
/// </summary>
public sealed class OutboxDelivery(
    BotAdapter adapter, Channels.DirectLine.DirectLineProactive directLine, PatientMessages messages, ICaseStore cases, IQueueBindingStore bindings, IOutbox outbox, IOptions<BotAuthOptions> auth, IOptions<HandoffOptions> handoff, StaffCards cards, FailedDeliveryCard failedDeliveryCard, Handoff.Messages.ICaseMessageStore caseMessages, Intake.PatientLanguage patientLanguage, Staff.StaffText staffText) : IOutboxDelivery
{
    private string BotAppId => auth.Value.MicrosoftAppId ?? "";

    public async Task<DeliveryResult> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.Kind == OutboxKind.ChannelNotice)
        {
            return await PostChannelNoticeAsync(item.Payload, cancellationToken);
        }

        if (item.Kind == OutboxKind.FailedDeliveryCard)
        {
            return await PostFailedDeliveryCardAsync(item.Payload, cancellationToken);
        }

        var record = await cases.FindAsync(item.Payload.Reference, cancellationToken);
        if (record is null)
        {
            return DeliveryResult.Never("case-gone");
        }

        return item.Kind switch
        {
            OutboxKind.CreateThread => await CreateThreadAsync(record, item.MaybeSentBefore, cancellationToken),
            OutboxKind.UpdateCard => await UpdateCardAsync(record, cancellationToken),
            OutboxKind.ThreadLine => await PostThreadLineAsync(record, item.Payload, cancellationToken),
            OutboxKind.NotifyStaff => await NotifyStaffAsync(record, item.Payload, cancellationToken),
            OutboxKind.NotifyPatient => await NotifyPatientAsync(record, item.Payload, cancellationToken),
            OutboxKind.MessagePatient => await MessagePatientAsync(record, item.Payload, cancellationToken),
            _ => DeliveryResult.Never("unknown-kind"),
        };
    }

    /// <summary>On a case card posted again after an attempt that may have gone through; staff words, no patient data.</summary>
    private string MaybePostedEarlierNote => staffText.Get(Content.StaffMessageKeys.CardMaybePostedEarlier);

    private async Task<DeliveryResult> CreateThreadAsync(CaseRecord record, bool maybePostedBefore, CancellationToken cancellationToken)
    {
        if (record.StaffCardActivityId is not null || record.Status == CaseStatus.Withdrawn)
        {
            return DeliveryResult.Sent; // Already posted by an earlier attempt, or nothing left to post.
        }

        if (await bindings.FindAsync(record.Queue, cancellationToken) is not { } binding)
        {
            // Retried with backoff (about half an hour with the defaults, while the unbound-queue alert asks IT to bind
            // it), so a queue bound meanwhile still gets the card; then given up, and the patient is told whom to call.
            return DeliveryResult.Later("queue-unbound");
        }

        // A new thread in a channel: a group conversation whose channel data names the channel (what
        // TeamsInfo.SendMessageToTeamsChannelAsync does, without needing an incoming turn).
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo(binding.ChannelId), Tenant = new TenantInfo(binding.TenantId) },
            TenantId = binding.TenantId,
            Activity = (Activity)MessageFactory.Attachment((await cards.ForAsync(record, maybePostedBefore ? MaybePostedEarlierNote : null, cancellationToken)).ToAttachment()),
        };
        string? conversationId = null;
        string? activityId = null;
        await adapter.CreateConversationAsync(BotAppId, Microsoft.Bot.Connector.Channels.Msteams, binding.ServiceUrl, null, parameters, (turn, _) =>
        {
            conversationId = turn.Activity.Conversation?.Id;
            activityId = turn.Activity.Id;
            return Task.CompletedTask;
        }, cancellationToken);

        if (conversationId is null || activityId is null)
        {
            return DeliveryResult.Never("thread-without-ids");
        }

        // The at-least-once window: a crash between the Connector's answer and this write posts the thread again.
        await cases.SetStaffCardAsync(record.Reference, conversationId, activityId, cancellationToken);

        if (maybePostedBefore)
        {
            // The card's note goes with its first update; this line stays in the thread.
            await outbox.EnqueueAsync(OutboxKind.ThreadLine, new OutboxPayload(record.Reference, Text: MaybePostedEarlierNote), $"maybe-posted-earlier:{record.Reference}", cancellationToken);
        }

        // Claimed while the thread was being posted (another instance skipped the update, no thread yet): catch up.
        if ((await cases.FindAsync(record.Reference, cancellationToken))?.Version != record.Version)
        {
            await outbox.EnqueueAsync(OutboxKind.UpdateCard, new OutboxPayload(record.Reference), null, cancellationToken);
        }

        return DeliveryResult.Sent;
    }

    /// <summary>
    /// A proactive 1:1 with a staff member: CreateConversation with their Teams user id and the tenant, which Teams
    /// allows for members of a team the app is installed in. The text names the case only. When Teams refuses the chat
    /// for good (the app is not installed for them, or they are not reachable: 403, 404, 400) the same words go to the
    /// case's thread with an @mention of them, so the notice still reaches them; a passing failure is retried instead.
    /// </summary>
    private async Task<DeliveryResult> NotifyStaffAsync(CaseRecord record, OutboxPayload payload, CancellationToken cancellationToken)
    {
        if (payload.StaffUserId is not { Length: > 0 } userId || string.IsNullOrEmpty(payload.Text))
        {
            return DeliveryResult.Never("staff-notice-incomplete");
        }

        if (await bindings.FindAsync(record.Queue, cancellationToken) is not { } binding)
        {
            return DeliveryResult.Never("queue-unbound");
        }

        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Members = [new ChannelAccount(userId)],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(binding.TenantId) },
            TenantId = binding.TenantId,
            Activity = (Activity)MessageFactory.Text(payload.Text),
        };
        try
        {
            await adapter.CreateConversationAsync(BotAppId, Microsoft.Bot.Connector.Channels.Msteams, binding.ServiceUrl, null, parameters, (_, _) => Task.CompletedTask, cancellationToken);
            return DeliveryResult.Sent;
        }
        catch (Exception ex) when (ConnectorFailure.Classify(ex).Outcome == DeliveryOutcome.Permanent && record.StaffConversationId is not null)
        {
            var name = payload.StaffName is { Length: > 0 } given ? given
                : record.AssigneeUserId == userId ? CardText.FirstName(record.AssigneeName) : "";
            var line = StaffMentions.Person(payload.Text, userId, name.Length > 0 ? name : "colleague");
            await ContinueAsync(StaffThread(record, binding), (turn, ct) => turn.SendActivityAsync(line, ct), cancellationToken);
            return DeliveryResult.Sent;
        }
    }

    /// <summary>A new post in a channel, like a case thread but with one line of text.</summary>
    private async Task<DeliveryResult> PostChannelNoticeAsync(OutboxPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Channel is not { } channel || string.IsNullOrEmpty(payload.Text))
        {
            return DeliveryResult.Never("channel-notice-incomplete");
        }

        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo(channel.ChannelId), Tenant = new TenantInfo(channel.TenantId) },
            TenantId = channel.TenantId,
            Activity = (Activity)MessageFactory.Text(payload.Text),
        };
        await adapter.CreateConversationAsync(BotAppId, Microsoft.Bot.Connector.Channels.Msteams, channel.ServiceUrl, null, parameters, (_, _) => Task.CompletedTask, cancellationToken);
        return DeliveryResult.Sent;
    }

    /// <summary>A new post in the queue's channel with the failed-delivery card (the channel comes from the stored binding).</summary>
    private async Task<DeliveryResult> PostFailedDeliveryCardAsync(OutboxPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Channel is not { } channel || payload.FailedKind is not { } kind || payload.FailedReason is not { } reason)
        {
            return DeliveryResult.Never("failed-delivery-card-incomplete");
        }

        var card = Dialogs.Cards.AdaptiveCard.ToAttachment(failedDeliveryCard.Build(payload.Reference, kind, reason));
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo(channel.ChannelId), Tenant = new TenantInfo(channel.TenantId) },
            TenantId = channel.TenantId,
            Activity = (Activity)MessageFactory.Attachment(card),
        };
        await adapter.CreateConversationAsync(BotAppId, Microsoft.Bot.Connector.Channels.Msteams, channel.ServiceUrl, null, parameters, (_, _) => Task.CompletedTask, cancellationToken);
        return DeliveryResult.Sent;
    }

    private async Task<DeliveryResult> UpdateCardAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var copies = await cases.ListCardCopiesAsync(record.Reference, cancellationToken);
        var threadPosted = record.StaffConversationId is not null && record.StaffCardActivityId is not null;
        if (!threadPosted && copies.Count == 0)
        {
            return DeliveryResult.Sent; // The thread is not posted yet; when it is, it shows the current card.
        }

        if (await bindings.FindAsync(record.Queue, cancellationToken) is not { } binding)
        {
            return DeliveryResult.Never("queue-unbound");
        }

        if (threadPosted)
        {
            var update = (Activity)MessageFactory.Attachment((await cards.ForAsync(record, null, cancellationToken)).ToAttachment());
            update.Id = record.StaffCardActivityId;
            await ContinueAsync(StaffThread(record, binding), (turn, ct) => turn.UpdateActivityAsync(update, ct), cancellationToken);
        }

        foreach (var (conversationId, activityId) in copies)
        {
            // A copy in another channel (the old thread of a transferred case) only says where the case went.
            var copy = (Activity)MessageFactory.Attachment((await cards.ForCopyAsync(record, conversationId, binding.ChannelId, cancellationToken)).ToAttachment());
            copy.Id = activityId;
            try
            {
                await ContinueAsync(StaffThread(record, binding, conversationId), (turn, ct) => turn.UpdateActivityAsync(copy, ct), cancellationToken);
            }
            catch (ErrorResponseException ex) when (ex.Response?.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
            {
                // Someone deleted that copy: stop updating it.
                await cases.RemoveCardCopyAsync(record.Reference, activityId, cancellationToken);
            }
        }

        return DeliveryResult.Sent;
    }

    private async Task<DeliveryResult> PostThreadLineAsync(CaseRecord record, OutboxPayload payload, CancellationToken cancellationToken)
    {
        var text = payload.Text ?? "";
        if (record.StaffConversationId is null)
        {
            return DeliveryResult.Later("thread-not-posted-yet");
        }

        if (await bindings.FindAsync(record.Queue, cancellationToken) is not { } binding)
        {
            return DeliveryResult.Never("queue-unbound");
        }

        var line = payload.MentionAssignee ? StaffMentions.Line(text, record, binding, staffText) : (Activity)MessageFactory.Text(text);
        await ContinueAsync(StaffThread(record, binding), (turn, ct) => turn.SendActivityAsync(line, ct), cancellationToken);
        return DeliveryResult.Sent;
    }

    private async Task<DeliveryResult> NotifyPatientAsync(CaseRecord record, OutboxPayload payload, CancellationToken cancellationToken)
    {
        if (record.PatientConversation is null)
        {
            return DeliveryResult.Sent; // The patient erased their data: there is nobody to tell.
        }

        var reference = JsonConvert.DeserializeObject<ConversationReference>(record.PatientConversation);
        if (reference?.Conversation?.Id is null || reference.ServiceUrl is null)
        {
            return DeliveryResult.Never("patient-conversation-unreadable");
        }

        return await SendToPatientAsync(reference, record, locale => payload.Notice switch
        {
            PatientNotice.Resolved => messages.Resolved(record, payload.StaffName ?? "", payload.Outcome, locale),
            PatientNotice.Transferred => messages.Transferred(record, locale),
            PatientNotice.Undelivered => messages.Undelivered(record, handoff.Value.FallbackPhone, locale),
            _ => messages.Claimed(record, payload.StaffName ?? "", locale),
        }, cancellationToken);
    }

    /// <summary>A staff message, read from the store now (an erased case or message sends nothing), marked delivered once sent.</summary>
    private async Task<DeliveryResult> MessagePatientAsync(CaseRecord record, OutboxPayload payload, CancellationToken cancellationToken)
    {
        if (record.PatientConversation is null || payload.MessageId is not { } id || await caseMessages.FindAsync(id, cancellationToken) is not { } message)
        {
            return DeliveryResult.Sent; // Erased: there is nobody to tell and nothing to say.
        }

        var reference = JsonConvert.DeserializeObject<ConversationReference>(record.PatientConversation);
        if (reference?.Conversation?.Id is null || reference.ServiceUrl is null)
        {
            return DeliveryResult.Never("patient-conversation-unreadable");
        }

        var result = await SendToPatientAsync(reference, record, locale => messages.FromStaff(record, message.AuthorName, message.Text, locale), cancellationToken);
        if (result.Outcome == DeliveryOutcome.Sent)
        {
            await caseMessages.MarkDeliveredAsync(id, cancellationToken);
        }

        // Not delivered (the web chat conversation is gone): the message stays in the store and is shown when the patient returns.
        return result;
    }

    /// <summary>
    /// Written inside the patient's own conversation turn, in their language as <see cref="Intake.PatientLanguage"/>
    /// decides it there (the language they chose, kept with their draft; else their channel's; else the case's).
    /// </summary>
    private async Task<DeliveryResult> SendToPatientAsync(ConversationReference reference, CaseRecord record, Func<string, string> text, CancellationToken cancellationToken)
    {
        async Task SendAsync(ITurnContext turn, CancellationToken ct)
        {
            var locale = await patientLanguage.ForTurnAsync(turn, ct, fallback: record.Details.Language);
            await turn.SendActivityAsync(text(locale), cancellationToken: ct);
        }

        // Web chat patients are reached through the local Direct Line endpoint, which stores the message for their return.
        if (Channels.DirectLine.DirectLineProactive.Handles(reference))
        {
            var delivered = await directLine.ContinueAsync(reference.Conversation.Id, (turn, ct) => SendAsync(turn, ct), cancellationToken);
            return delivered ? DeliveryResult.Sent : DeliveryResult.Never("patient-conversation-gone");
        }

        await ContinueAsync(reference, SendAsync, cancellationToken);
        return DeliveryResult.Sent;
    }

    private static ConversationReference StaffThread(CaseRecord record, QueueBinding binding, string? conversationId = null) => new()
    {
        ChannelId = Microsoft.Bot.Connector.Channels.Msteams,
        ServiceUrl = binding.ServiceUrl,
        Conversation = new ConversationAccount(isGroup: true, conversationType: "channel", id: conversationId ?? record.StaffConversationId, tenantId: binding.TenantId),
    };

    /// <summary>
    /// A proactive send. Its failure is caught inside the callback and thrown here, so the outbox sees it and retries.
    /// The turn-error handler also leaves proactive sends alone (no apology in the conversation); this catch is the
    /// second guard, for a send that fails inside the callback (once a 404 on a card update became "Sorry, something
    /// went wrong" in the staff thread and the item counted as sent).
    /// </summary>
    private async Task ContinueAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(BotAppId, reference, async (turn, ct) =>
        {
            try
            {
                await send(turn, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            }
        }, cancellationToken);
        failure?.Throw();
    }
}
