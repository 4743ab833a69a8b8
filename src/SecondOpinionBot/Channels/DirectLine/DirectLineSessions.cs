namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>Opens conversations and issues their tokens; the user id is always the server's choice.</summary>
public sealed class DirectLineSessions(IDirectLineStore store, DirectLineTokenService tokens, Microsoft.Extensions.Options.IOptions<DirectLineOptions> options)
{
    public sealed record Session(string ConversationId, string UserId, string Token, int ExpiresIn, string? ResumeSecret);

    /// <summary>A new conversation for a new server-issued user; with a resume secret when the browser should be able to return.</summary>
    public async Task<Session> OpenAsync(bool resumable, CancellationToken cancellationToken)
    {
        var conversationId = DirectLineIds.NewConversationId();
        var userId = DirectLineIds.NewUserId();
        var resumeSecret = resumable ? DirectLineIds.NewSecret() : null;
        await store.CreateConversationAsync(conversationId, userId, resumeSecret, cancellationToken);
        return new Session(conversationId, userId, await tokens.IssueAsync(userId, conversationId, cancellationToken), ExpiresIn, resumeSecret);
    }

    /// <summary>A fresh token for an existing conversation, if the browser proves it owns it; null otherwise.</summary>
    public async Task<Session?> ResumeAsync(string conversationId, string resumeSecret, CancellationToken cancellationToken)
    {
        var conversation = await store.FindByResumeSecretAsync(conversationId, resumeSecret, options.Value.ResumeLifetime, cancellationToken);
        return conversation is null
            ? null
            : new Session(conversation.Id, conversation.UserId, await tokens.IssueAsync(conversation.UserId, conversation.Id, cancellationToken), ExpiresIn, resumeSecret);
    }

    public Task<bool> ForgetAsync(string conversationId, string resumeSecret, CancellationToken cancellationToken) =>
        store.ForgetResumeSecretAsync(conversationId, resumeSecret, cancellationToken);

    public async Task<DirectLineConversationResponse> RenewAsync(DirectLineTokenClaims claims, CancellationToken cancellationToken)
        => new(claims.ConversationId, await tokens.IssueAsync(claims.UserId, claims.ConversationId, cancellationToken), ExpiresIn);

    private int ExpiresIn => (int)tokens.Lifetime.TotalSeconds;
}
