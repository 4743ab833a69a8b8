using System.Text.Json.Nodes;

namespace SecondOpinionBot.Intake;

/// <summary>
/// How <see cref="JourneyKit.Ask"/> wrote a question, kept with it (PromptOptions.Wording) so that
/// <see cref="JourneyPromptRewording"/> can write it again: after the patient switches language, and on each turn from
/// the short note the question's frame keeps.
/// </summary>
public sealed record PromptWording
{
    public required string Prompt { get; init; }

    public string? Retry { get; init; }

    /// <summary>The retry says how to answer first: "pickOne" or "yesOrNo".</summary>
    public string? RetryLead { get; init; }

    public Dictionary<string, string> Values { get; init; } = [];

    /// <summary>The content choice set the choices came from, when they did.</summary>
    public string? ChoiceSet { get; init; }

    /// <summary>The language buttons follow the choices.</summary>
    public bool Languages { get; init; }

    /// <summary>The positions of the choices that are a need, a suggested question or a reason of the content, stored by id only.</summary>
    public IReadOnlyList<int>? ContentChoicesAt { get; init; }

    public JsonNode ToNode() => Dialogs.DialogJson.ToNode(this, Dialogs.DialogJson.Compact)!;

    public static PromptWording? From(JsonNode? node) => node is null ? null : Dialogs.DialogJson.As<PromptWording>(node);
}
