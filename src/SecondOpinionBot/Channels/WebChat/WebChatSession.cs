using System.Text.Json.Serialization;

namespace SecondOpinionBot.Channels.WebChat;

/// <summary>What the web chat page gets from POST /api/webchat/token: where Direct Line is and a token for one conversation.</summary>
public sealed record WebChatSession(
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("expiresIn")] int ExpiresIn,
    [property: JsonPropertyName("resumeSecret")] string? ResumeSecret);

/// <summary>What a returning browser sends to rejoin its conversation (both kept in its localStorage).</summary>
public sealed record WebChatResumeRequest(
    [property: JsonPropertyName("conversationId")] string? ConversationId,
    [property: JsonPropertyName("resumeSecret")] string? ResumeSecret);
