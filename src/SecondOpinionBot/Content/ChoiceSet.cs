namespace SecondOpinionBot.Content;

/// <summary>An ordered list of choices for one prompt; editors reorder or relabel them in choices.yaml.</summary>
public sealed record ChoiceSet(string Id, IReadOnlyList<Choice> Choices, SourceLocation Location)
{
    public Choice this[string choiceId] =>
        Choices.FirstOrDefault(c => c.Id == choiceId)
        ?? throw new KeyNotFoundException($"Choice set '{Id}' has no choice '{choiceId}'.");

    private static readonly string[] OrdinalFillers = ["the", "one", "option", "choice", "please"];

    /// <summary>
    /// The choice the user's text picks: its label, id or a synonym as the whole answer; else its number ("2");
    /// else an ordinal ("the second one").
    /// </summary>
    public Choice? Match(string? text, IReadOnlyList<string> ordinals)
    {
        ArgumentNullException.ThrowIfNull(ordinals);
        var words = PhraseText.Words(text);
        if (words.Length == 0)
        {
            return null;
        }

        var byWords = Choices.FirstOrDefault(c =>
            c.Synonyms.Append(c.Label).Append(c.Id).Any(s => PhraseText.Words(s) == words));
        if (byWords is not null)
        {
            return byWords;
        }

        if (int.TryParse(words, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number >= 1 && number <= Choices.Count ? Choices[number - 1] : null;
        }

        var rest = words.Split(' ').Where(w => !OrdinalFillers.Contains(w)).ToList();
        if (rest.Count == 1)
        {
            var index = ordinals.Select(o => PhraseText.Words(o)).ToList().IndexOf(rest[0]);
            if (index >= 0 && index < Choices.Count)
            {
                return Choices[index];
            }
        }

        return null;
    }
}

/// <param name="Id">Stable value code stores; never shown.</param>
/// <param name="Situations">Situation tags implied by picking this choice (e.g. surgery → procedure-planned).</param>
public sealed record Choice(
    string Id,
    string Label,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> Situations,
    SourceLocation Location);
