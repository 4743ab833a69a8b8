namespace SecondOpinionBot.Handoff;

/// <summary>The two staff queues and their names for staff (patients hear the names in routing.yaml).</summary>
public static class QueueNames
{
    public const string SocialWork = Content.QueueIds.SocialWork;
    public const string CareCoordination = Content.QueueIds.CareCoordination;

    public static string Title(string queue) => queue switch
    {
        SocialWork => "Social work",
        CareCoordination => "Care coordination",
        _ => queue,
    };
}
