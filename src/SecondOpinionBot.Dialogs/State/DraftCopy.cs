using System.Text.Json;

namespace SecondOpinionBot.Dialogs.State;

/// <summary>A draft's copy: its own <see cref="ICopyableDraft{T}.Copy"/>, or else the draft as stored and read back.</summary>
internal static class DraftCopy
{
    public static T Of<T>(T draft, JsonSerializerOptions written)
        where T : class, new() =>
        draft is ICopyableDraft<T> copyable
            ? copyable.Copy()
            : JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(draft, written), DialogJson.Options) ?? new T();
}
