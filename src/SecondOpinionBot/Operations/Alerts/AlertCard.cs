using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Operations.Alerts;

/// <summary>
/// One alert as an Adaptive Card for the operations channel: what happened, the figures, what to do, and where the
/// runbook is. Counts, ages, queue names, reasons and case references only: never patient data.
/// </summary>
public sealed record AlertCard(string Rule, string Title, IReadOnlyList<(string Name, string Value)> Facts, string WhatToDo, bool Cleared = false)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public Attachment ToAttachment() => new() { ContentType = ContentType, Content = Build() };

    public JObject Build() => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.4",
        ["body"] = new JArray
        {
            new JObject
            {
                ["type"] = "TextBlock", ["text"] = (Cleared ? "Cleared: " : "Alert: ") + Title, ["weight"] = "Bolder", ["size"] = "Medium",
                ["wrap"] = true, ["color"] = Cleared ? "Good" : "Attention",
            },
            new JObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JArray(Facts.Select(f => new JObject { ["title"] = f.Name, ["value"] = f.Value })),
            },
            new JObject { ["type"] = "TextBlock", ["text"] = WhatToDo, ["wrap"] = true },
            new JObject { ["type"] = "TextBlock", ["text"] = $"Rule `{Rule}`. Runbook: README, Operations, \"{Rule}\".", ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small" },
        },
    };

    /// <summary>The same in one line, for the log.</summary>
    public override string ToString() => $"{Title} ({string.Join("; ", Facts.Select(f => $"{f.Name}: {f.Value}"))})";
}
