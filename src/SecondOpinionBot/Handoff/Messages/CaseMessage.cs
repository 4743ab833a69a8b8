namespace SecondOpinionBot.Handoff.Messages;

public enum MessageDirection
{
    /// <summary>Written by the patient in their chat while the case was open.</summary>
    FromPatient,

    /// <summary>Written by a staff member with "Message patient".</summary>
    ToPatient,

    /// <summary>An internal note by a staff member ("Add note", a transfer's handover note): Details only, never sent.</summary>
    StaffNote,
}

/// <summary>
/// One message of a case's conversation between the patient and the care team. Health information: shown to staff
/// only in the Details dialog and the local staff page, never in a channel; erased with the patient's data.
/// </summary>
/// <param name="AuthorId">The staff member's Entra object id, or "patient".</param>
/// <param name="AuthorName">The staff member's first name; empty for the patient.</param>
/// <param name="DeliveredAt">For messages to the patient: when the patient's chat accepted it.</param>
public sealed record CaseMessage(long Id, string CaseId, DateTimeOffset At, MessageDirection Direction, string AuthorId, string AuthorName, string Text, DateTimeOffset? DeliveredAt);
