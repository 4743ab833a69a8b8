namespace SecondOpinionBot.Dialogs.State;

/// <summary>
/// Where state documents live: one JSON object per key (a user's, a conversation's), read and written whole. The
/// engine's own replacement for the SDK's IStorage + BotState pair, which serialises a state bag to hash it on every
/// save and again to store it; here a turn reads its two documents once and the storage writes each once.
/// </summary>
public interface IStateStorage
{
    /// <summary>The stored JSON text of each key that exists (missing keys are simply absent).</summary>
    Task<IReadOnlyDictionary<string, string>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Stores these documents as they are now; an empty document is deleted. A storage that commits a whole turn at
    /// once (the host's) may keep the document objects and write their latest content when the turn commits.
    /// </summary>
    Task WriteAsync(IReadOnlyList<StateDocument> documents, CancellationToken cancellationToken);
}
