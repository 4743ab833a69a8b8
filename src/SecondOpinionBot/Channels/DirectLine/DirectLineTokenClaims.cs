namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>What a Direct Line token proves: who the user is and the one conversation it may use, until when.</summary>
public sealed record DirectLineTokenClaims(string UserId, string ConversationId, DateTimeOffset ExpiresAt);
