using System.Text.Json.Nodes;

namespace SecondOpinionBot.Dialogs.Input;

/// <summary>A card submit the engine understands, read from the explicit <c>so.kind</c> tag (never guessed from keys).</summary>
public abstract record CardSubmit;

/// <summary>An answer to a question; <see cref="Revision"/> tells whether the card is still the current question.</summary>
public sealed record PromptSubmit(string DialogId, int Revision, string? FlowVersion) : CardSubmit;

/// <summary>"Start (or resume) this dialog", e.g. "edit this section" on a summary card.</summary>
public sealed record DialogSubmit(string DialogId, JsonNode? Options) : CardSubmit;

/// <summary>Builds and reads the data payloads of card buttons.</summary>
public static class CardPayload
{
    public const string KindKey = "so.kind";
    public const string PromptKind = "prompt";
    public const string DialogKind = "dialog";
    public const string AnswerKey = "answer";

    private const string DialogKey = "dialog";
    private const string StepKey = "step";
    private const string StackVersionKey = "stackVersion";
    public const string DialogIdKey = "dialogId";
    private const string OptionsKey = "options";

    public static JsonObject ForPrompt(string dialogId, int revision, string? flowVersion) => new()
    {
        [KindKey] = PromptKind,
        [DialogKey] = dialogId,
        [StepKey] = revision,
        [StackVersionKey] = flowVersion,
    };

    /// <summary>For host cards: a button that starts <paramref name="dialogId"/> with typed options.</summary>
    public static JsonObject ForDialog<TOptions>(string dialogId, TOptions options) => new()
    {
        [KindKey] = DialogKind,
        [DialogIdKey] = dialogId,
        [OptionsKey] = DialogJson.ToNode(options),
    };

    public static JsonObject ForDialog(string dialogId) => new() { [KindKey] = DialogKind, [DialogIdKey] = dialogId };

    public static bool IsTagKey(string key) => key is KindKey or DialogKey or StepKey or StackVersionKey or DialogIdKey or OptionsKey;

    public static CardSubmit? Read(JsonObject? value)
    {
        if (value is null || ReadString(value, KindKey) is not { } kind)
        {
            return null;
        }

        return kind switch
        {
            PromptKind when ReadString(value, DialogKey) is { } dialog
                => new PromptSubmit(dialog, ReadInt(value, StepKey) ?? -1, ReadString(value, StackVersionKey)),
            DialogKind when ReadString(value, DialogIdKey) is { } dialogId
                => new DialogSubmit(dialogId, value[OptionsKey]?.DeepClone()),
            _ => null,
        };
    }

    private static string? ReadString(JsonObject value, string key)
        => value[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? ReadInt(JsonObject value, string key) => value[key] switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue => (int)l,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };
}
