using System.Text.Json.Nodes;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Handoff.Outbox;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The card a queue's channel gets when a delivery about one of its cases was given up: the case reference, what did
/// not arrive and why, and what to do. Only ids and fixed words (staff.yaml failedDeliveries): no patient data.
/// </summary>
public sealed class FailedDeliveryCard(StaffText text, FailedDeliveryWords words)
{
    public JsonObject Build(string reference, OutboxKind kind, string reason) => new AdaptiveCard()
        .Add(CardElements.Text(text.Get(StaffMessageKeys.FailedDeliveriesCardTitle, ("reference", reference)), weight: "Bolder", color: "Attention"))
        .Add(CardElements.Text(text.Get(StaffMessageKeys.FailedDeliveriesCardWhat, ("what", words.What(kind)), ("why", words.Why(reason)))))
        .Add(CardElements.Text(text.Get(kind is OutboxKind.NotifyPatient or OutboxKind.MessagePatient ? StaffMessageKeys.FailedDeliveriesCardNextPatient : StaffMessageKeys.FailedDeliveriesCardNext, ("reference", reference))))
        .Add(CardElements.Text(text.Get(StaffMessageKeys.FailedDeliveriesCardList), subtle: true))
        .ToJson();
}
