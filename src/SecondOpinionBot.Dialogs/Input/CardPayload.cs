using System.Text.Json.Nodes;
using SecondOpinionBot.Dialogs.Cards;

namespace SecondOpinionBot.Dialogs.Input;

/// <summary>A card submit the engine understands, read from its <see cref="CardTag"/> (never guessed from keys).</summary>
public abstract record CardSubmit;

/// <summary>An answer to a question; <see cref="Revision"/> tells whether the card is still the current question.</summary>
public sealed record PromptSubmit(string DialogId, int Revision, string? FlowVersion) : CardSubmit;

/// <summary>"Start (or resume) this dialog", e.g. "edit this section" on a summary card.</summary>
public sealed record DialogSubmit(string DialogId, JsonNode? Options) : CardSubmit;

/// <summary>Builds and reads the data payloads of card buttons.</summary>
public static class CardPayload
{
    public const string KindKey = CardTag.KindKey;
    public const string PromptKind = "prompt";
    public const string DialogKind = "dialog";
    public const string AnswerKey = "answer";

    private const string DialogKey = "dialog";
    private const string StackVersionKey = "stackVersion";
    public const string DialogIdKey = "dialogId";
    private const string OptionsKey = "options";

    /// <summary>An answer to the current question: tagged with the dialog stack's revision the card was asked at.</summary>
    public static JsonObject ForPrompt(string dialogId, int revision, string? flowVersion)
    {
        var data = new CardTag(PromptKind, revision).ToData();
        data[DialogKey] = dialogId;
        data[StackVersionKey] = flowVersion;
        return data;
    }

    /// <summary>For host cards: a button that starts <paramref name="dialogId"/> with typed options.</summary>
    public static JsonObject ForDialog<TOptions>(string dialogId, TOptions options)
    {
        var data = ForDialog(dialogId);
        data[OptionsKey] = DialogJson.ToNode(options);
        return data;
    }

    /// <summary>"Start this dialog" does not go out of date, so its tag's version is 0.</summary>
    public static JsonObject ForDialog(string dialogId)
    {
        var data = new CardTag(DialogKind, 0).ToData();
        data[DialogIdKey] = dialogId;
        return data;
    }

    public static bool IsTagKey(string key) => CardTag.IsTagKey(key) || key is DialogKey or StackVersionKey or DialogIdKey or OptionsKey;

    public static CardSubmit? Read(JsonObject? value)
    {
        if (CardTag.Read(value) is not { } tag)
        {
            return null;
        }

        return tag.Kind switch
        {
            PromptKind when ReadString(value!, DialogKey) is { } dialog
                => new PromptSubmit(dialog, tag.Version, ReadString(value!, StackVersionKey)),
            DialogKind when ReadString(value!, DialogIdKey) is { } dialogId
                => new DialogSubmit(dialogId, value![OptionsKey]?.DeepClone()),
            _ => null,
        };
    }

    private static string? ReadString(JsonObject value, string key)
        => value[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
