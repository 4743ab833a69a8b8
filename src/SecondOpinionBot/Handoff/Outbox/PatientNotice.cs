namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>The case events a patient is told about proactively.</summary>
public enum PatientNotice
{
    Claimed,
    Resolved,
}
