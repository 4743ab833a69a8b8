namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>A stored web chat conversation and the user the server bound to it.</summary>
public sealed record DirectLineConversation(string Id, string UserId, bool Started);

/// <summary>One stored transcript entry; its sequence number is the watermark clients send back.</summary>
public sealed record StoredActivity(long Sequence, string Json);
