using System.Buffers.Text;
using System.Security.Cryptography;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>Random identifiers the server hands out; a client never chooses them.</summary>
public static class DirectLineIds
{
    public static string NewUserId() => "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Activity ids in the Direct Line style: conversation id, "|", the position in the transcript.</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";
}
