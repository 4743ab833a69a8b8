using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.Cards;

namespace SecondOpinionBot.Operations.Alerts;

/// <summary>
/// One alert as an Adaptive Card for the operations channel: what happened, the figures, what to do, and where the
/// runbook is. Counts, ages, queue names, reasons and case references only: never patient data. Operations words for
/// IT, kept with the rules that raise them.
/// </summary>
public sealed record AlertCard(string Rule, string Title, IReadOnlyList<(string Name, string Value)> Facts, string WhatToDo, bool Cleared = false)
{
    public const string ContentType = AdaptiveCard.ContentType;

    public Attachment ToAttachment() => AdaptiveCard.ToAttachment(Build());

    public JsonObject Build() => new AdaptiveCard()
        .Add(CardElements.Text((Cleared ? "Cleared: " : "Alert: ") + Title, weight: "Bolder", size: "Medium", color: Cleared ? "Good" : "Attention"))
        .Add(CardElements.Facts(Facts))
        .Add(CardElements.Text(WhatToDo))
        .Add(CardElements.Text($"Rule `{Rule}`. Runbook: README, Operations, \"{Rule}\".", size: "Small", subtle: true))
        .ToJson();

    /// <summary>The same in one line, for the log.</summary>
    public override string ToString() => $"{Title} ({string.Join("; ", Facts.Select(f => $"{f.Name}: {f.Value}"))})";
}
