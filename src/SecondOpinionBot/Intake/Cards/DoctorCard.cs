using System.Text.Json.Nodes;

namespace SecondOpinionBot.Intake.Cards;

/// <summary>
/// The referring doctor as its own optional step where the channel shows cards: the doctor's name, the clinic or
/// practice, and their phone, each a labelled field, all optional and on one card (one turn, like the question it
/// replaces). Typed words at the card are an answer too ("Dr Lee at City Clinic", or "skip").
/// </summary>
public static class DoctorCard
{
    public const string NameId = "doctor.name";
    public const string PracticeId = "doctor.practice";
    public const string PhoneId = "doctor.phone";

    /// <summary>What the person typed instead of using the fields.</summary>
    public const string TypedKey = "typed";

    /// <summary>Longest answer kept per field; a name, a clinic or a phone fits well within it.</summary>
    public const int MaxLength = 120;

    public sealed record Wording(string Name, string Practice, string Phone, string Save);

    public static JsonObject Build(Wording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray
            {
                Field(NameId, wording.Name, "text"),
                Field(PracticeId, wording.Practice, "text"),
                Field(PhoneId, wording.Phone, "tel"),
            },
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.Submit", ["title"] = wording.Save, ["style"] = "positive" } },
        };
    }

    /// <summary>Typed words at the card, kept for the step to read as the answer.</summary>
    public static JsonObject FromText(string text) => new() { [TypedKey] = text };

    /// <summary>
    /// The answer in the words the case keeps (one line: "Dr Lee, City Clinic, 312-555-0100"); null when every field
    /// was left empty. Typed words come back as they were typed.
    /// </summary>
    public static string? Read(JsonObject? form)
    {
        if (form?[TypedKey] is JsonValue typed && typed.TryGetValue<string>(out var text))
        {
            return text;
        }

        var parts = new[] { NameId, PracticeId, PhoneId }
            .Select(id => form?[id] is JsonValue value && value.TryGetValue<string>(out var s) ? s.Trim() : "")
            .Where(s => s.Length > 0)
            .Select(s => s.Length > MaxLength ? s[..MaxLength] : s)
            .ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    private static JsonObject Field(string id, string label, string style) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = id,
        ["label"] = label,
        ["style"] = style,
        ["maxLength"] = MaxLength,
    };
}
