namespace SecondOpinionBot.Storage;

/// <summary>A write named an ETag that is no longer the stored one: someone else changed the item first.</summary>
public sealed class StorageETagConflictException(string key)
    : Exception($"The stored item '{key}' was changed by someone else (ETag conflict).")
{
    public string Key { get; } = key;
}
