using Microsoft.Bot.Builder;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// The user's and the conversation's state documents for one turn: both read together the first time the turn asks
/// for either, then kept with the turn, so every value read and written in it is in memory.
/// </summary>
/// <remarks>
/// Keys are the SDK's own ("{channel}/users/{user id}", "{channel}/conversations/{conversation id}"), so documents
/// the SDK's UserState and ConversationState wrote before are the same rows.
/// </remarks>
public sealed class TurnStateDocuments
{
    private const string TurnStateKey = "SecondOpinionBot.Dialogs.State.TurnStateDocuments";

    private readonly StateDocument? _user;
    private readonly StateDocument _conversation;

    private TurnStateDocuments(StateDocument? user, StateDocument conversation)
    {
        _user = user;
        _conversation = conversation;
    }

    /// <summary>This turn's documents, read from <paramref name="storage"/> on first use.</summary>
    public static async Task<TurnStateDocuments> ForAsync(ITurnContext turn, IStateStorage storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(storage);
        if (turn.TurnState.Get<TurnStateDocuments>(TurnStateKey) is { } loaded)
        {
            return loaded;
        }

        // A turn without a sender (none reaches the bot through its edge checks) still has its conversation's state;
        // only asking for the user's fails, as with the SDK's UserState.
        var userKey = turn.Activity.From?.Id is null ? null : UserKey(turn);
        var conversationKey = ConversationKey(turn);
        var stored = await storage.ReadAsync(userKey is null ? [conversationKey] : [userKey, conversationKey], cancellationToken);
        var documents = new TurnStateDocuments(userKey is null ? null : Load(userKey, stored), Load(conversationKey, stored));
        turn.TurnState.Set(TurnStateKey, documents);
        return documents;
    }

    /// <summary>Drops what this turn read, so the next use reads storage again (a failed turn's half-made changes are not saved).</summary>
    public static void Forget(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState.Remove(TurnStateKey);
    }

    /// <summary>Empties both documents and stores that (they are deleted): "delete my data".</summary>
    public static async Task DeleteAllAsync(ITurnContext turn, IStateStorage storage, CancellationToken cancellationToken)
    {
        var documents = await ForAsync(turn, storage, cancellationToken);
        documents._user?.Clear();
        documents._conversation.Clear();
        await storage.WriteAsync(documents._user is null ? [documents._conversation] : [documents._user, documents._conversation], cancellationToken);
    }

    public StateDocument this[StateScope scope] => scope == StateScope.Conversation
        ? _conversation
        : _user ?? throw new InvalidOperationException("The activity has no sender id; user state needs one.");

    public static string UserKey(ITurnContext turn)
    {
        var activity = turn.Activity;
        var channel = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channel id; user state needs one.");
        var user = activity.From?.Id ?? throw new InvalidOperationException("The activity has no sender id; user state needs one.");
        return UserKeyOf(channel, user);
    }

    public static string ConversationKey(ITurnContext turn)
    {
        var activity = turn.Activity;
        var channel = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channel id; conversation state needs one.");
        var conversation = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id; conversation state needs one.");
        return ConversationKeyOf(channel, conversation);
    }

    /// <summary>The key of a user's state document: the one format, for turns and for whoever erases or lists them.</summary>
    public static string UserKeyOf(string channelId, string userId) => $"{channelId}/users/{userId}";

    /// <summary>The key of a conversation's state document.</summary>
    public static string ConversationKeyOf(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    private static StateDocument Load(string key, IReadOnlyDictionary<string, string> stored) =>
        stored.TryGetValue(key, out var json) ? StateDocument.Parse(key, json) : StateDocument.Empty(key);
}
