using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Commands;

/// <summary>
/// Patient conversations are personal chats and web chat; team channels and group chats belong to staff.
/// The patient greeting, intake and emergency text never go to a shared conversation.
/// </summary>
public static class ConversationScope
{
    public static bool IsPatientConversation(IActivity activity)
    {
        var type = activity.Conversation?.ConversationType;
        return !string.Equals(type, "channel", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, "groupChat", StringComparison.OrdinalIgnoreCase)
            && activity.Conversation?.IsGroup != true;
    }
}
