using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Dialogs.Choices;

/// <summary>What a channel can show. Unknown channels get the safest rendering: a numbered list.</summary>
public static class ChannelCapabilities
{
    public const string Teams = "msteams";
    public const string WebChat = "webchat";

    /// <summary>Teams shows at most three suggested actions; the engine uses that limit everywhere.</summary>
    public const int MaxSuggestedActions = 3;

    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { Teams, WebChat, "directline", "emulator", "test" };

    private static readonly HashSet<string> SuggestedActionChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        Teams, WebChat, "directline", "emulator", "test", "telegram", "facebook", "line",
    };

    public static bool SupportsAdaptiveCards(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId is { } channel && CardChannels.Contains(channel);
    }

    /// <summary>Teams shows suggested actions only in one-to-one chats, not in group chats or channels.</summary>
    public static bool SupportsSuggestedActions(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId is not { } channel || !SuggestedActionChannels.Contains(channel))
        {
            return false;
        }

        var conversationType = activity.Conversation?.ConversationType;
        return !string.Equals(channel, Teams, StringComparison.OrdinalIgnoreCase)
            || conversationType is null or "personal";
    }
}
