namespace SecondOpinionBot.Handoff;

/// <summary>The two staff queues and how to say them to staff and to patients.</summary>
public static class QueueNames
{
    public const string SocialWork = "social-work";
    public const string CareCoordination = "care-coordination";

    public static string Title(string queue) => queue switch
    {
        SocialWork => "Social work",
        CareCoordination => "Care coordination",
        _ => queue,
    };

    /// <summary>The person the patient will hear from, e.g. "a social worker".</summary>
    public static string PersonPhrase(string queue) => queue switch
    {
        SocialWork => "a social worker",
        CareCoordination => "a care coordinator",
        _ => "a member of the care team",
    };
}
