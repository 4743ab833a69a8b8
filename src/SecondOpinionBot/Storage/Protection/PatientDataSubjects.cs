namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// Whose key encrypts what. A person's own data (draft, cases, prep sheets, transcripts) uses their owner key
/// ("{channel}:{userId}", as cases store it); a conversation's state (the dialog position, which can hold a typed
/// answer in flight) uses a key of that conversation, shredded with the person's data.
/// </summary>
public static class PatientDataSubjects
{
    public static string Owner(string channelId, string userId) => $"{channelId}:{userId}";

    public static string Conversation(string channelId, string conversationId) => $"conversation:{channelId}/{conversationId}";

    /// <summary>The subject of a Bot Framework state key ("{channel}/users/{id}", "{channel}/conversations/{id}", or other).</summary>
    public static string OfStateKey(string key)
    {
        var parts = key.Split('/', 3);
        if (parts.Length == 3 && parts[1] == "users")
        {
            return Owner(parts[0], parts[2]);
        }

        return parts.Length == 3 && parts[1] == "conversations" ? Conversation(parts[0], parts[2]) : $"state:{key}";
    }
}
