using Microsoft.Bot.Schema;

namespace SecondOpinionBot.Privacy;

/// <summary>
/// Who a privacy command is about, as the server knows them from the activity (never from what the user types).
/// <see cref="OwnerKey"/> is the key cases and prep-sheet links are stored under.
/// </summary>
public sealed record PatientIdentity(string ChannelId, string UserId, string ConversationId)
{
    public string OwnerKey => OwnerKeyOf(ChannelId, UserId);

    /// <summary>The key of this user's state document (the draft lives there).</summary>
    public string UserStateKey => Dialogs.State.TurnStateDocuments.UserKeyOf(ChannelId, UserId);

    /// <summary>The key of this conversation's state document (the dialog position).</summary>
    public string ConversationStateKey => Dialogs.State.TurnStateDocuments.ConversationKeyOf(ChannelId, ConversationId);

    public static string OwnerKeyOf(string channelId, string userId) => $"{channelId}:{userId}";

    public static PatientIdentity From(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new PatientIdentity(
            activity.ChannelId ?? throw new ArgumentException("The activity has no channel id.", nameof(activity)),
            activity.From?.Id ?? throw new ArgumentException("The activity has no sender id.", nameof(activity)),
            activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)));
    }
}
