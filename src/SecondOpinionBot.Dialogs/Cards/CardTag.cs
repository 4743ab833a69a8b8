using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Dialogs.Cards;

/// <summary>
/// The one tag every card submit carries: what the click is for (<see cref="Kind"/>: "prompt", "dialog",
/// "summary.confirm", "case"…) and which version of its subject the card showed (<see cref="Version"/>: the dialog
/// stack's revision, the draft's revision, the case's version). A click whose version is not the current one came from
/// an outdated card, and every feature recognises it the same way (<see cref="IsOutdated"/>).
/// The tag says what a payload is, never the presence of other keys; nothing in it is trusted without the server's checks.
/// </summary>
public readonly record struct CardTag(string Kind, int Version)
{
    public const string KindKey = "so.kind";
    public const string VersionKey = "so.version";

    /// <summary>Where each kind kept its version before the tag was shared: cards already posted still read.</summary>
    private static readonly string[] LegacyVersionKeys = ["step", "draftVersion", "cardVersion"];

    public bool IsOutdated(int current) => Version != current;

    /// <summary>The tag as a card action's data; add the action's own fields to it.</summary>
    public JsonObject ToData() => new() { [KindKey] = Kind, [VersionKey] = Version };

    public static bool IsTagKey(string key) => key is KindKey or VersionKey || LegacyVersionKeys.Contains(key);

    /// <summary>The tag of a submit; the version is -1 (outdated for every subject) when it is missing or unreadable.</summary>
    public static CardTag? Read(JsonObject? data)
    {
        if (data?[KindKey] is not JsonValue kindValue || !kindValue.TryGetValue<string>(out var kind))
        {
            return null;
        }

        var version = Int(data[VersionKey]) ?? LegacyVersionKeys.Select(key => Int(data[key])).FirstOrDefault(v => v is not null) ?? -1;
        return new CardTag(kind, version);
    }

    /// <summary>The SDK edge: an activity's value arrives as a Newtonsoft object.</summary>
    public static JsonObject? DataOf(object? activityValue) => activityValue switch
    {
        JsonObject json => json,
        JObject value => JsonNode.Parse(value.ToString(Newtonsoft.Json.Formatting.None)) as JsonObject,
        _ => null,
    };

    private static int? Int(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue => (int)l,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };
}
