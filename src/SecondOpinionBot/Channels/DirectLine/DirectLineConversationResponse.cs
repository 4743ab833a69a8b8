using Newtonsoft.Json;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>The body of tokens/generate, tokens/refresh and start conversation.</summary>
public sealed record DirectLineConversationResponse(
    [property: JsonProperty("conversationId")] string ConversationId,
    [property: JsonProperty("token")] string Token,
    [property: JsonProperty("expires_in")] int ExpiresIn);
