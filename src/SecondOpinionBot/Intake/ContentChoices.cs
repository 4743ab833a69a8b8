using System.Collections;
using SecondOpinionBot.Dialogs.Choices;

namespace SecondOpinionBot.Intake;

/// <summary>
/// A question's choices as <see cref="JourneyKit.Choices"/> made them: a choice set of the content, maybe with the
/// language buttons after it. Remembered with the question (<see cref="PromptWording"/>) so it can be offered again in
/// another language.
/// </summary>
public sealed class ContentChoices(string setId, IReadOnlyList<Choice> choices, bool withLanguages = false) : IReadOnlyList<Choice>
{
    public string SetId { get; } = setId;

    public bool WithLanguages { get; } = withLanguages;

    public Choice this[int index] => choices[index];

    public int Count => choices.Count;

    public IEnumerator<Choice> GetEnumerator() => choices.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
