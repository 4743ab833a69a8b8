namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>The case events a patient is told about proactively.</summary>
public enum PatientNotice
{
    Claimed,
    Resolved,

    /// <summary>The case moved to the other queue: the patient hears who will help now.</summary>
    Transferred,

    /// <summary>The case never reached the team (its card could not be posted): call Handoff:FallbackPhone instead.</summary>
    Undelivered,
}
