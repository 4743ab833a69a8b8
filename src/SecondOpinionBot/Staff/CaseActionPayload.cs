using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Cards;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The one payload both card actions carry (Action.Execute data and the Action.Submit fallback):
/// {"so.kind":"case","so.version":3,"verb":"case.claim","reference":"SO-7K3F"} plus the card's inputs (the shared
/// <see cref="CardTag"/>; cards posted before it carried "cardVersion", which still reads).
/// The tag, not the presence of keys, says what it is; nothing in it is trusted without the server's own checks.
/// </summary>
public sealed record CaseActionPayload(string Verb, string Reference, int CardVersion, string? Outcome, string? Message = null, string? Assignee = null, string? Note = null)
{
    public const string KindKey = CardTag.KindKey;
    public const string KindValue = "case";
    public const string ClaimVerb = "case.claim";
    public const string ResolveVerb = "case.resolve";
    public const string TakeOverVerb = "case.takeover";

    /// <summary>Teams asks for the listed viewer's own card (refresh, trigger "automatic"); changes nothing.</summary>
    public const string RefreshVerb = "case.refresh";

    /// <summary>Opens the Details dialog (task/fetch from the card, task/submit from inside the dialog).</summary>
    public const string DetailsVerb = "case.details";

    /// <summary>Opens the "Message patient" form in a dialog.</summary>
    public const string MessageVerb = "case.message";

    /// <summary>The form's Send: carries the text in <see cref="MessageInputId"/>.</summary>
    public const string SendMessageVerb = "case.message.send";

    public const string MessageInputId = "message";

    /// <summary>Assign to the person chosen in the card's people picker (an Entra object id) in <see cref="AssigneeInputId"/>.</summary>
    public const string AssignVerb = "case.assign";
    public const string UnassignVerb = "case.unassign";
    public const string ReopenVerb = "case.reopen";
    public const string AssigneeInputId = "assignee";

    /// <summary>Opens the "Add note" form; its Save carries the text in <see cref="NoteInputId"/>.</summary>
    public const string NoteVerb = "case.note";
    public const string NoteSendVerb = "case.note.send";

    /// <summary>Opens the "Transfer" form (handover note); its Transfer button carries the note in <see cref="NoteInputId"/>.</summary>
    public const string TransferVerb = "case.transfer";
    public const string TransferSendVerb = "case.transfer.send";
    public const string NoteInputId = "note";

    /// <summary>Card actions that change who has the case or whether it is open, answered with the card.</summary>
    public static bool IsChangeVerb(string verb) => verb is AssignVerb or UnassignVerb or ReopenVerb;

    /// <summary>The verbs answered in a Teams dialog (task/fetch, task/submit) rather than on the card.</summary>
    public static bool IsDialogVerb(string verb) => verb is DetailsVerb or MessageVerb or SendMessageVerb or NoteVerb or NoteSendVerb or TransferVerb or TransferSendVerb;
    public const string OutcomeInputId = "outcome";

    /// <summary>Stands for a tagged payload that could not be read, so a patient's attempt is still refused and audited.</summary>
    public static CaseActionPayload Unreadable(object? value)
    {
        var reference = AsObject(value) is { } data ? Text(data, "reference")?.Trim().ToUpperInvariant() : null;
        return new("unreadable", string.IsNullOrEmpty(reference) ? "unknown" : reference, -1, null);
    }

    /// <summary>The action's data: the shared card tag (kind "case", the case version the card showed) plus verb and reference.</summary>
    public JsonObject ToData()
    {
        var data = new CardTag(KindValue, CardVersion).ToData();
        data["verb"] = Verb;
        data["reference"] = Reference;
        return data;
    }

    /// <summary>True when the value is tagged as a case action, even if the rest is malformed.</summary>
    public static bool IsTagged(object? value) => CardTag.Read(AsObject(value)) is { Kind: KindValue };

    public static CaseActionPayload? TryRead(object? value)
    {
        if (AsObject(value) is not { } data || CardTag.Read(data) is not { Kind: KindValue } tag)
        {
            return null;
        }

        var verb = Text(data, "verb");
        var reference = Text(data, "reference");
        int? version = tag.Version >= 0 ? tag.Version : null;
        var outcome = Text(data, OutcomeInputId);
        var message = Text(data, MessageInputId);
        var assignee = Text(data, AssigneeInputId);
        var note = Text(data, NoteInputId);
        if (verb is null || (verb is not (ClaimVerb or ResolveVerb or TakeOverVerb or RefreshVerb) && !IsDialogVerb(verb) && !IsChangeVerb(verb)) || string.IsNullOrWhiteSpace(reference) || version is null)
        {
            return null;
        }

        return new CaseActionPayload(verb!, reference.Trim().ToUpperInvariant(), version.Value, string.IsNullOrWhiteSpace(outcome) ? null : outcome, message,
            string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(), note);
    }

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    // Invoke values arrive from the SDK as Newtonsoft objects, message values sometimes as JSON text.
    private static JsonObject? AsObject(object? value) => value switch
    {
        JsonObject o => o,
        JObject o => CardTag.DataOf(o),
        string s when s.TrimStart().StartsWith('{') => TryParse(s),
        null => null,
        _ => CardTag.DataOf(JToken.FromObject(value) as JObject),
    };

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
