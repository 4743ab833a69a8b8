using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// The card a queue's channel gets when a delivery about one of its cases was given up: the case reference, what did
/// not arrive and why, and what to do. Only ids and fixed words: no patient data.
/// </summary>
public static class FailedDeliveryCard
{
    public static JObject Build(string reference, OutboxKind kind, string reason) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JArray
        {
            Text($"Delivery failed · {reference}", weight: "Bolder", color: "Attention"),
            Text($"I could not deliver {FailedDeliveryWords.What(kind)}: {FailedDeliveryWords.Why(reason)}."),
            Text(kind is OutboxKind.NotifyPatient or OutboxKind.MessagePatient
                ? $"The patient may not know what happened. Type \"case {reference}\" to see how to reach them."
                : $"Type \"case {reference}\" to see the case here."),
            Text("Type \"failed deliveries\" for the list of everything that could not be delivered.", subtle: true),
        },
    };

    private static JObject Text(string text, string? weight = null, string? color = null, bool subtle = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }
}
