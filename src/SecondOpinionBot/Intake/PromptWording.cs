using System.Text.Json.Nodes;

namespace SecondOpinionBot.Intake;

/// <summary>
/// How <see cref="JourneyKit.Ask"/> wrote a question, kept with it (PromptOptions.Wording) so that
/// <see cref="JourneyPromptRewording"/> can write it again after the patient switches language.
/// </summary>
public sealed class PromptWording
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

    public JsonNode ToNode() => Dialogs.DialogJson.ToNode(this)!;

    public static PromptWording? From(JsonNode? node) => node is null ? null : Dialogs.DialogJson.As<PromptWording>(node);
}
