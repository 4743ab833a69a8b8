using EngineChoice = SecondOpinionBot.Dialogs.Choices.Choice;

namespace SecondOpinionBot.Content;

/// <summary>Content lists as the dialog engine's choices: Value is the content id, Title what the user sees.</summary>
public static class EngineChoices
{
    public static IReadOnlyList<EngineChoice> ToEngineChoices(this ChoiceSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Choices.Select(c => new EngineChoice(c.Id, c.Label, c.Synonyms)).ToList();
    }

    public static IReadOnlyList<EngineChoice> ToEngineChoices(this IEnumerable<NeedCategory> needs) =>
        needs.Select(n => new EngineChoice(n.Id, n.Label, n.Synonyms)).ToList();

    public static IReadOnlyList<EngineChoice> ToEngineChoices(this IEnumerable<DoctorQuestion> questions) =>
        questions.Select(q => new EngineChoice(q.Id, q.Text)).ToList();

    public static IReadOnlyList<EngineChoice> ToEngineChoices(this IEnumerable<Reason> reasons) =>
        reasons.Select(r => new EngineChoice(r.Id, r.Title)).ToList();
}
