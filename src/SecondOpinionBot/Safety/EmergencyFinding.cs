namespace SecondOpinionBot.Safety;

/// <summary>How serious what the user wrote is, from the emergency check's point of view.</summary>
public enum EmergencyLevel
{
    None,

    /// <summary>Self-harm mentioned but negated or in the past ("I'm not suicidal, just scared"): a gentle note, no pause.</summary>
    SelfHarmMention,

    /// <summary>A medical emergency now: emergency guidance and the journey waits.</summary>
    Medical,

    /// <summary>Thoughts of suicide or self-harm: the crisis line and the journey waits.</summary>
    SelfHarm,
}

/// <summary>
/// What the emergency check found: the level, and the emergency.yaml category of the phrase that decided it
/// ("breathing", "stroke", "indirect"...), for telemetry by kind. Never the user's words.
/// </summary>
public sealed record EmergencyFinding(EmergencyLevel Level, string? Category)
{
    public static EmergencyFinding None { get; } = new(EmergencyLevel.None, null);
}
