using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// A turn's replies go out as few messages as they can: a plain text reply ("Thanks, noted.") is joined, as its own
/// paragraph, to the message after it (the next question, with its buttons or card). On a phone that is one bubble
/// and one notification per answer instead of two or three; for the host it is one call to the Bot Connector instead
/// of one per message.
/// </summary>
/// <remarks>
/// Only text joins: a card, buttons, mentions or channel data stay on the message they came with, and a message
/// marked <see cref="Dialogs.StandAloneMessages"/> (emergency guidance, a care team member's words) always stands
/// alone, neither joined to the next nor with another joined to it.
/// </remarks>
public static class TurnReplies
{
    private const string Paragraph = "\n\n";

    public static List<Activity> Combine(IReadOnlyList<Activity> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var combined = new List<Activity>(replies.Count);
        Activity? pending = null;
        foreach (var reply in replies)
        {
            if (pending is not null && CanTake(reply, pending))
            {
                reply.Text = string.IsNullOrEmpty(reply.Text) ? pending.Text : pending.Text + Paragraph + reply.Text;
                reply.Speak = JoinSpoken(pending.Speak, reply.Speak);
                pending = null;
            }
            else if (pending is not null)
            {
                combined.Add(pending);
                pending = null;
            }

            if (IsPlainText(reply))
            {
                pending = reply;
            }
            else
            {
                combined.Add(reply);
            }
        }

        if (pending is not null)
        {
            combined.Add(pending);
        }

        return combined;
    }

    private static bool IsPlainText(Activity reply) =>
        reply.Type == ActivityTypes.Message
        && !string.IsNullOrEmpty(reply.Text)
        && reply.Attachments is null or { Count: 0 }
        && reply.SuggestedActions?.Actions is null or { Count: 0 }
        && reply.Entities is null or { Count: 0 }
        && reply.ChannelData is null
        && reply.Value is null
        && !StandsAlone(reply);

    /// <summary>Whether <paramref name="next"/> can carry <paramref name="text"/>'s words in front of its own.</summary>
    private static bool CanTake(Activity next, Activity text) =>
        next.Type == ActivityTypes.Message
        && !StandsAlone(next)
        && string.Equals(next.TextFormat ?? TextFormatTypes.Markdown, text.TextFormat ?? TextFormatTypes.Markdown, StringComparison.OrdinalIgnoreCase)
        && string.Equals(next.Locale, text.Locale, StringComparison.OrdinalIgnoreCase);

    private static bool StandsAlone(Activity reply) => Dialogs.StandAloneMessages.IsStandAlone(reply);

    private static string? JoinSpoken(string? first, string? second) =>
        string.IsNullOrEmpty(first) ? second : string.IsNullOrEmpty(second) ? first : first + " " + second;
}
