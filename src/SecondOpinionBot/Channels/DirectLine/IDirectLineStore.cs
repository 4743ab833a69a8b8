namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>Durable local Direct Line conversations and their transcripts (<see cref="DirectLineStore"/>, on either provider).</summary>
public interface IDirectLineStore
{
    /// <summary>The token signing key, made once and shared by every instance on the database.</summary>
    Task<byte[]> GetOrCreateSigningKeyAsync(CancellationToken cancellationToken);

    Task CreateConversationAsync(string conversationId, string userId, string? resumeSecret, CancellationToken cancellationToken);

    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    Task<DirectLineConversation?> FindByResumeSecretAsync(string conversationId, string resumeSecret, TimeSpan maxAge, CancellationToken cancellationToken);

    Task<bool> ForgetResumeSecretAsync(string conversationId, string resumeSecret, CancellationToken cancellationToken);

    Task<bool> TryMarkStartedAsync(string conversationId, CancellationToken cancellationToken);

    Task<string?> FindByClientActivityIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken);

    /// <summary>Appends at the conversation's next position (consecutive and in commit order, across instances).</summary>
    Task<long> AppendActivityAsync(string conversationId, Func<long, (string ActivityId, string Json)> serialize, CancellationToken cancellationToken, string? clientActivityId = null);

    Task<bool> ReplaceActivityAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredActivity>> ReadActivitiesAfterAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken);

    Task<int> CountUserActivitiesAsync(string userId, CancellationToken cancellationToken);

    Task EraseUserTranscriptsAsync(string userId, CancellationToken cancellationToken);
}
