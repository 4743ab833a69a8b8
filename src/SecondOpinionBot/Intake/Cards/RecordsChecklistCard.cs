using System.Text.Json.Nodes;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Intake.Cards;

/// <summary>
/// The records checklist on one Adaptive Card: a row per record that fits the answers, each a three-way choice
/// (have it / need help / doesn't apply) whose label a screen reader reads, with "why it matters and where it comes
/// from" one tap away (hidden until asked for) rather than in every row. Rows already answered show their status,
/// so the card also edits one record later.
/// </summary>
public static class RecordsChecklistCard
{
    /// <summary>The input id of a record's row; the submitted value is a record-status choice id.</summary>
    public static string InputId(string recordId) => "record." + recordId;

    /// <summary>The card's own words: the "why and where from" toggle and the save button.</summary>
    public sealed record Wording(string WhyLabel, string Save);

    /// <param name="whyText">"{why} It usually comes from {source}." with the record's values filled in.</param>
    public static JsonObject Build(
        IReadOnlyList<RecordItem> records,
        IReadOnlyDictionary<string, RecordStatus> current,
        IReadOnlyList<(string Id, string Label)> statuses,
        Wording wording,
        Func<RecordItem, string> whyText)
    {
        var body = new JsonArray();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var detailsId = "why-" + record.Id;
            var choices = new JsonArray();
            foreach (var (statusId, label) in statuses)
            {
                choices.Add(new JsonObject { ["title"] = label, ["value"] = statusId });
            }

            var input = new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = InputId(record.Id),
                ["label"] = $"{i + 1}. {record.Item}",
                ["style"] = "expanded",
                ["isMultiSelect"] = false,
                ["choices"] = choices,
            };
            if (current.TryGetValue(record.Id, out var known))
            {
                input["value"] = StatusId(known);
            }

            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["id"] = "record-" + record.Id,
                ["separator"] = true,
                ["spacing"] = "Medium",
                ["items"] = new JsonArray
                {
                    input,
                    new JsonObject
                    {
                        ["type"] = "ActionSet",
                        ["actions"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["type"] = "Action.ToggleVisibility",
                                ["title"] = wording.WhyLabel,
                                ["tooltip"] = $"{wording.WhyLabel}: {record.Item}",
                                ["targetElements"] = new JsonArray(detailsId),
                            },
                        },
                    },
                    new JsonObject
                    {
                        ["type"] = "TextBlock",
                        ["id"] = detailsId,
                        ["isVisible"] = false,
                        ["wrap"] = true,
                        ["text"] = whyText(record),
                    },
                },
            });
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.Submit", ["title"] = wording.Save, ["style"] = "positive" } },
        };
    }

    /// <summary>The statuses the card was sent back with; rows left blank are not in it (no guessed status).</summary>
    public static Dictionary<string, RecordStatus> Read(JsonObject? inputs, IReadOnlyList<RecordItem> records)
    {
        var found = new Dictionary<string, RecordStatus>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (inputs?[InputId(record.Id)] is JsonValue value && value.TryGetValue<string>(out var id) && ParseStatus(id) is { } status)
            {
                found[record.Id] = status;
            }
        }

        return found;
    }

    public static string StatusId(RecordStatus status) => status switch
    {
        RecordStatus.Have => "have",
        RecordStatus.NeedHelp => "need-help",
        _ => "not-applicable",
    };

    public static RecordStatus? ParseStatus(string? id) => id switch
    {
        "have" => RecordStatus.Have,
        "need-help" => RecordStatus.NeedHelp,
        "not-applicable" => RecordStatus.NotApplicable,
        _ => null,
    };
}
