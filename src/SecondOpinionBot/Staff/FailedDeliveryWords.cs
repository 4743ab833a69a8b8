using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Staff;

/// <summary>Plain staff words (staff.yaml failedDeliveries) for what could not be delivered and why, from the dead letter's kind and reason code.</summary>
public sealed class FailedDeliveryWords(StaffText text)
{
    private const string GaveUp = "attempts-exhausted:";

    public string What(OutboxKind kind) => text.Get(kind switch
    {
        OutboxKind.CreateThread => StaffMessageKeys.FailedDeliveriesWhatCreateThread,
        OutboxKind.UpdateCard => StaffMessageKeys.FailedDeliveriesWhatUpdateCard,
        OutboxKind.ThreadLine => StaffMessageKeys.FailedDeliveriesWhatThreadLine,
        OutboxKind.NotifyPatient => StaffMessageKeys.FailedDeliveriesWhatNotifyPatient,
        OutboxKind.MessagePatient => StaffMessageKeys.FailedDeliveriesWhatMessagePatient,
        OutboxKind.NotifyStaff => StaffMessageKeys.FailedDeliveriesWhatNotifyStaff,
        OutboxKind.ChannelNotice => StaffMessageKeys.FailedDeliveriesWhatChannelNotice,
        _ => StaffMessageKeys.FailedDeliveriesWhatOther,
    });

    public string Why(string reason)
    {
        var code = reason.StartsWith(GaveUp, StringComparison.Ordinal) ? reason[GaveUp.Length..] : reason;
        var why = code switch
        {
            "forbidden-bot-removed" => text.Get(StaffMessageKeys.FailedDeliveriesWhyForbiddenBotRemoved),
            "conversation-gone" => text.Get(StaffMessageKeys.FailedDeliveriesWhyConversationGone),
            "rejected-bad-request" => text.Get(StaffMessageKeys.FailedDeliveriesWhyRejectedBadRequest),
            "queue-unbound" => text.Get(StaffMessageKeys.FailedDeliveriesWhyQueueUnbound),
            "patient-conversation-gone" => text.Get(StaffMessageKeys.FailedDeliveriesWhyPatientConversationGone),
            "patient-conversation-unreadable" => text.Get(StaffMessageKeys.FailedDeliveriesWhyPatientConversationUnreadable),
            "case-gone" => text.Get(StaffMessageKeys.FailedDeliveriesWhyCaseGone),
            "throttled-429" => text.Get(StaffMessageKeys.FailedDeliveriesWhyThrottled),
            _ when code.StartsWith("http-5", StringComparison.Ordinal) => text.Get(StaffMessageKeys.FailedDeliveriesWhyServerError),
            _ => text.Get(StaffMessageKeys.FailedDeliveriesWhyOther, ("code", code)),
        };
        return reason.StartsWith(GaveUp, StringComparison.Ordinal) ? text.Get(StaffMessageKeys.FailedDeliveriesWhyGaveUp, ("why", why)) : why;
    }
}
