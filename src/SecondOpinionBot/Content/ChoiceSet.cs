namespace SecondOpinionBot.Content;

/// <summary>
/// An ordered list of choices for one prompt; editors reorder or relabel them in choices.yaml.
/// Recognition is the engine's: pass <c>set.ToEngineChoices()</c> to its ChoicePrompt / ChoiceRecognizer.
/// </summary>
public sealed record ChoiceSet(string Id, IReadOnlyList<Choice> Choices, SourceLocation Location)
{
    public Choice this[string choiceId] =>
        Choices.FirstOrDefault(c => c.Id == choiceId)
        ?? throw new KeyNotFoundException($"Choice set '{Id}' has no choice '{choiceId}'.");
}

/// <param name="Id">Stable value code stores; never shown.</param>
/// <param name="Situations">Situation tags implied by picking this choice (e.g. surgery → procedure-planned).</param>
public sealed record Choice(
    string Id,
    string Label,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> Situations,
    SourceLocation Location);
