namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>What an outbox item asks to be sent. Stored as the kebab-case names below.</summary>
public enum OutboxKind
{
    /// <summary>Start the case's thread in its queue's channel with the staff card.</summary>
    CreateThread,

    /// <summary>Re-render the thread's root card from the case as it now is (idempotent).</summary>
    UpdateCard,

    /// <summary>One line of text in the case's thread, e.g. "Ana claimed this case."</summary>
    ThreadLine,

    /// <summary>A proactive message to the patient's own conversation.</summary>
    NotifyPatient,

    /// <summary>A staff member's message, from the case's stored messages, to the patient's own conversation.</summary>
    MessagePatient,

    /// <summary>A notice in a staff member's personal chat (created with CreateConversation and the tenant id); no health information.</summary>
    NotifyStaff,

    /// <summary>A new post in a channel that is not about one case (e.g. "this queue moved"); the payload names the channel.</summary>
    ChannelNotice,

    /// <summary>A card in a queue's channel saying a delivery about one of its cases was given up (ids and reasons only).</summary>
    FailedDeliveryCard,
}

public static class OutboxKinds
{
    public static string ToName(this OutboxKind kind) => kind switch
    {
        OutboxKind.CreateThread => "create-thread",
        OutboxKind.UpdateCard => "update-card",
        OutboxKind.ThreadLine => "thread-line",
        OutboxKind.NotifyPatient => "notify-patient",
        OutboxKind.ChannelNotice => "channel-notice",
        OutboxKind.MessagePatient => "message-patient",
        OutboxKind.NotifyStaff => "notify-staff",
        OutboxKind.FailedDeliveryCard => "failed-delivery-card",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static OutboxKind Parse(string name) => name switch
    {
        "create-thread" => OutboxKind.CreateThread,
        "update-card" => OutboxKind.UpdateCard,
        "thread-line" => OutboxKind.ThreadLine,
        "notify-patient" => OutboxKind.NotifyPatient,
        "channel-notice" => OutboxKind.ChannelNotice,
        "message-patient" => OutboxKind.MessagePatient,
        "notify-staff" => OutboxKind.NotifyStaff,
        "failed-delivery-card" => OutboxKind.FailedDeliveryCard,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown outbox kind."),
    };
}
