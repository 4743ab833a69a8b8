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

    public static IReadOnlyList<EngineChoice> ToEngineChoices(this IEnumerable<NeedCategory> needs) => needs.Select(ToEngineChoice).ToList();

    public static IReadOnlyList<EngineChoice> ToEngineChoices(this IEnumerable<DoctorQuestion> questions) => questions.Select(ToEngineChoice).ToList();

    public static IReadOnlyList<EngineChoice> ToEngineChoices(this IEnumerable<Reason> reasons) => reasons.Select(ToEngineChoice).ToList();

    public static EngineChoice ToEngineChoice(this NeedCategory need) => new(need.Id, need.Label, need.Synonyms);

    public static EngineChoice ToEngineChoice(this DoctorQuestion question) => new(question.Id, question.Text);

    public static EngineChoice ToEngineChoice(this Reason reason) => new(reason.Id, reason.Title);
}
