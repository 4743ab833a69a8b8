using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SecondOpinionBot.Bench.Load;

/// <summary>One offered answer: what the patient would click (a suggested action or a card choice).</summary>
public sealed record Choice(string Title, string Value);

/// <summary>What the bot sent in one turn, read the way a channel shows it: texts, suggested actions, cards.</summary>
public sealed partial class BotReplies(IReadOnlyList<JsonObject> activities)
{
    public IReadOnlyList<JsonObject> Activities { get; } = activities;

    /// <summary>Every text the patient sees, in order, card text blocks included.</summary>
    public string AllText
    {
        get
        {
            var text = new StringBuilder();
            foreach (var activity in Activities)
            {
                text.Append(Str(activity["text"])).Append('\n');
                foreach (var card in Cards(activity))
                {
                    foreach (var block in Descendants(card).Where(o => Str(o["type"]) == "TextBlock"))
                    {
                        text.Append(Str(block["text"])).Append('\n');
                    }
                }
            }

            return text.ToString();
        }
    }

    /// <summary>The choice card of the last activity offering one (its choices, multi-select, and the data to submit).</summary>
    public (IReadOnlyList<Choice> Choices, bool Multi, JsonObject Data)? ChoiceCard
    {
        get
        {
            foreach (var card in Activities.SelectMany(Cards).Reverse())
            {
                var set = (card["body"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(b => Str(b["type"]) == "Input.ChoiceSet");
                var data = (card["actions"] as JsonArray)?.OfType<JsonObject>().Select(a => a["data"]).OfType<JsonObject>().FirstOrDefault();
                if (set is not null && data is not null)
                {
                    var choices = (set["choices"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new Choice(Str(c["title"]), Str(c["value"]))).ToList();
                    return (choices, set["isMultiSelect"]?.GetValue<bool>() == true, (JsonObject)data.DeepClone());
                }
            }

            return null;
        }
    }

    /// <summary>The suggested actions of the last activity that has any.</summary>
    public IReadOnlyList<Choice> SuggestedActions =>
        Activities.Select(a => a["suggestedActions"]?["actions"] as JsonArray).LastOrDefault(a => a is { Count: > 0 }) is { } actions
            ? actions.OfType<JsonObject>().Select(a => new Choice(Str(a["title"]), a["value"] is JsonValue v ? v.ToString() : Str(a["title"]))).ToList()
            : [];

    /// <summary>The data of the summary card's confirm button, when this turn shows the summary.</summary>
    public JsonObject? SummaryConfirm =>
        Activities.SelectMany(Cards).SelectMany(Descendants)
            .Where(o => Str(o["type"]) is "Action.Submit" or "Action.Execute")
            .Select(o => o["data"]).OfType<JsonObject>()
            .LastOrDefault(d => Str(d["so.kind"]) == "summary.confirm") is { } data ? (JsonObject)data.DeepClone() : null;

    /// <summary>A case reference the bot gave (SO-XXXX, the generator's format), if any.</summary>
    public string? CaseReference =>
        Activities.Select(a => Reference().Match(Str(a["text"]))).FirstOrDefault(m => m.Success)?.Value;

    private static IEnumerable<JsonObject> Cards(JsonObject activity) =>
        (activity["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => Str(a["contentType"]) == "application/vnd.microsoft.card.adaptive")
            .Select(a => a["content"]).OfType<JsonObject>();

    private static IEnumerable<JsonObject> Descendants(JsonObject root)
    {
        var stack = new Stack<JsonNode?>([root]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    yield return obj;
                    foreach (var (_, child) in obj)
                    {
                        stack.Push(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }
    }

    private static string Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : "";

    [GeneratedRegex(@"\bSO-[2-9A-HJKMNP-Z]{4}\b")]
    private static partial Regex Reference();
}
