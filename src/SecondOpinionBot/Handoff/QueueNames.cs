namespace SecondOpinionBot.Handoff;

/// <summary>The two staff queues and their names for staff (patients hear the names in routing.yaml).</summary>
public static class QueueNames
{
    public const string SocialWork = Content.QueueIds.SocialWork;
    public const string CareCoordination = Content.QueueIds.CareCoordination;

    /// <summary>The queue's name as staff read it (staff.yaml `queues.*`); an unknown id is shown as it is.</summary>
    public static string Title(string queue, Content.MessageCatalog staffWords)
    {
        ArgumentNullException.ThrowIfNull(staffWords);
        return queue switch
        {
            SocialWork => staffWords.Format(Content.StaffMessageKeys.QueuesSocialWork),
            CareCoordination => staffWords.Format(Content.StaffMessageKeys.QueuesCareCoordination),
            _ => queue,
        };
    }

    /// <summary>The same name inside a sentence: "transfer to social work".</summary>
    public static string InSentence(string queue, Content.MessageCatalog staffWords) => Title(queue, staffWords).ToLowerInvariant();
}
