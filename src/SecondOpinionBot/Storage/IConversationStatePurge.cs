namespace SecondOpinionBot.Storage;

/// <summary>Removes conversation state (the dialog position) nobody has touched for a while. User state is never touched.</summary>
public interface IConversationStatePurge
{
    /// <summary>Deletes conversation-state documents last written before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeIdleConversationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
