namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>Plain staff words for what could not be delivered and why (from the dead letter's kind and reason code).</summary>
public static class FailedDeliveryWords
{
    public static string What(OutboxKind kind) => kind switch
    {
        OutboxKind.CreateThread => "the case card (the case never reached this channel)",
        OutboxKind.UpdateCard => "an update of the case card",
        OutboxKind.ThreadLine => "a line in the case thread",
        OutboxKind.NotifyPatient => "a notice to the patient",
        OutboxKind.MessagePatient => "a care team message to the patient",
        OutboxKind.NotifyStaff => "a notice in a staff member's personal chat",
        OutboxKind.ChannelNotice => "a notice to the channel",
        OutboxKind.FailedDeliveryCard => "a failed-delivery card",
        _ => "a post",
    };

    public static string Why(string reason)
    {
        var code = reason.StartsWith("attempts-exhausted:", StringComparison.Ordinal) ? reason["attempts-exhausted:".Length..] : reason;
        var why = code switch
        {
            "forbidden-bot-removed" => "Teams refused it: the bot is no longer in the team",
            "conversation-gone" => "the conversation or thread no longer exists",
            "rejected-bad-request" => "Teams rejected it as invalid (please tell IT)",
            "queue-unbound" => "the queue is not set to any channel",
            "patient-conversation-gone" => "the patient's web chat conversation has ended",
            "patient-conversation-unreadable" => "the patient's chat address could not be read",
            "case-gone" => "the case no longer exists",
            "throttled-429" => "Teams kept asking the bot to slow down",
            _ when code.StartsWith("http-5", StringComparison.Ordinal) => "Teams kept failing with a server error",
            _ => "it kept failing (" + code + ")",
        };
        return reason.StartsWith("attempts-exhausted:", StringComparison.Ordinal) ? why + ", so the bot stopped retrying" : why;
    }
}
