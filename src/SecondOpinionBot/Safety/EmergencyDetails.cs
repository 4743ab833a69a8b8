namespace SecondOpinionBot.Safety;

/// <summary>Values of <c>Interruption.Detail</c> for an emergency (kind Emergency) or a safety note (kind SafetyNote).</summary>
public static class EmergencyDetails
{
    public const string Medical = "medical";

    /// <summary>Thoughts of self-harm: the reply adds the crisis line.</summary>
    public const string SelfHarm = "self-harm";

    /// <summary>Self-harm mentioned but negated or in the past: a one-line note with the crisis line, the journey goes on.</summary>
    public const string SelfHarmMention = "self-harm-mention";
}

/// <summary>Values of <c>Interruption.Detail</c> for commands that share a kind.</summary>
public static class CommandDetails
{
    /// <summary>"start over" (kind Cancel): restart the journey rather than just stop.</summary>
    public const string StartOver = "start-over";

    /// <summary>"terms" (kind Help): the link to the terms of use.</summary>
    public const string Terms = "terms";

    /// <summary>"privacy" (kind Help): the link to the privacy notice.</summary>
    public const string Privacy = "privacy";
}
