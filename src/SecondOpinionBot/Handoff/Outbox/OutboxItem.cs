namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// The payload of an outbox item. Only ids and staff-side words live here; the card and the patient's conversation are
/// read from the case at send time, so an erased case sends nothing personal.
/// </summary>
/// <param name="Text">For thread lines: the line. For patient notices: unused.</param>
/// <param name="Notice">For patient notices: which event to tell.</param>
/// <param name="StaffName">The staff member's first name the notice mentions.</param>
/// <param name="Outcome">For a resolved notice: the outcome id chosen on the card.</param>
/// <param name="MentionAssignee">For thread lines: @mention who has the case, or the channel when nobody has it.</param>
/// <param name="StaffUserId">For staff notices: the Teams user id (29:…) whose personal chat gets the text.</param>
/// <param name="MessageId">For staff messages to the patient: the stored message (its text is read at send time).</param>
/// <param name="Channel">For channel notices and failed-delivery cards: the channel to post in (from a stored queue binding, never from input).</param>
/// <param name="FailedKind">For failed-delivery cards: what could not be delivered.</param>
/// <param name="FailedReason">For failed-delivery cards: the dead letter's reason code.</param>
public sealed record OutboxPayload(
    string Reference,
    string? Text = null,
    PatientNotice? Notice = null,
    string? StaffName = null,
    string? Outcome = null,
    ChannelAddress? Channel = null,
    long? MessageId = null,
    bool MentionAssignee = false,
    string? StaffUserId = null,
    OutboxKind? FailedKind = null,
    string? FailedReason = null);

/// <summary>A Teams channel as a queue binding records it.</summary>
public sealed record ChannelAddress(string ChannelId, string ServiceUrl, string TenantId);

/// <summary>One leased item, ready to send.</summary>
/// <param name="MaybeSentBefore">
/// An earlier attempt may have reached the channel: its send was started and never settled (the instance died), or it
/// failed in a way that does not rule out delivery. A new thread then says it may also have been posted earlier.
/// </param>
public sealed record OutboxItem(long Id, OutboxKind Kind, OutboxPayload Payload, int Attempts, bool MaybeSentBefore = false);
