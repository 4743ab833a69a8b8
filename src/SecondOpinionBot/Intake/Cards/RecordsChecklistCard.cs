using System.Text.Json.Nodes;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Cards;
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
        var card = new AdaptiveCard();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var detailsId = "why-" + record.Id;
            var input = CardElements.ChoiceSet(InputId(record.Id), $"{i + 1}. {record.Item}", statuses.Select(s => (s.Label, s.Id)),
                value: current.TryGetValue(record.Id, out var known) ? StatusId(known) : null);
            card.Add(CardElements.Container(
                [
                    input,
                    CardElements.ActionSet(CardActions.ToggleVisibility(wording.WhyLabel, $"{wording.WhyLabel}: {record.Item}", detailsId)),
                    CardElements.Hidden(CardElements.Text(whyText(record)), detailsId),
                ],
                id: "record-" + record.Id, separator: true, spacing: "Medium"));
        }

        // The prompt adds its tag to the button's data when it asks (CardFormPrompt).
        return card.Action(CardActions.Submit(wording.Save, [], primary: true)).ToJson();
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
