namespace SecondOpinionBot.Handoff;

/// <summary>Who is chatting: the patient, or someone helping them. Stored in cases by name.</summary>
public enum ChatRole
{
    Patient,
    Caregiver,
}
