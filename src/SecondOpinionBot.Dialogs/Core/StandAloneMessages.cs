using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Dialogs;

/// <summary>
/// Replies that must reach the user as their own message, never joined to the bot's words before or after them (the
/// host joins a turn's plain text replies into the next message): emergency guidance, a care team member's words.
/// The mark lives beside the activity, in memory, so nothing extra is sent to the channel.
/// </summary>
public static class StandAloneMessages
{
    private static readonly ConditionalWeakTable<IActivity, object> Marked = [];
    private static readonly object Mark = new();

    /// <summary>A text message that stands alone.</summary>
    public static Activity Text(string text)
    {
        var message = MessageFactory.Text(text);
        Marked.AddOrUpdate(message, Mark);
        return message;
    }

    public static bool IsStandAlone(IActivity activity) => Marked.TryGetValue(activity, out _);
}
