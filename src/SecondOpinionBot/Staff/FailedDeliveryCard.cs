using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Staff;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The card a queue's channel gets when a delivery about one of its cases was given up: the case reference, what did
/// not arrive and why, and what to do. Only ids and fixed words (staff.yaml failedDeliveries): no patient data.
/// </summary>
public sealed class FailedDeliveryCard(StaffText text, FailedDeliveryWords words)
{
    public JObject Build(string reference, OutboxKind kind, string reason) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JArray
        {
            Text(text.Get(StaffMessageKeys.FailedDeliveriesCardTitle, ("reference", reference)), weight: "Bolder", color: "Attention"),
            Text(text.Get(StaffMessageKeys.FailedDeliveriesCardWhat, ("what", words.What(kind)), ("why", words.Why(reason)))),
            Text(text.Get(kind is OutboxKind.NotifyPatient or OutboxKind.MessagePatient ? StaffMessageKeys.FailedDeliveriesCardNextPatient : StaffMessageKeys.FailedDeliveriesCardNext, ("reference", reference))),
            Text(text.Get(StaffMessageKeys.FailedDeliveriesCardList), subtle: true),
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
