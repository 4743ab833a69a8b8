namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>The case events a patient is told about proactively.</summary>
public enum PatientNotice
{
    Claimed,
    Resolved,

    /// <summary>The case moved to the other queue: the patient hears who will help now.</summary>
    Transferred,
}
