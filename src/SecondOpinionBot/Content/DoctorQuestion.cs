namespace SecondOpinionBot.Content;

/// <summary>A suggested question for the second-opinion doctor.</summary>
/// <param name="Reasons">Reasons this question serves; it is offered when one of them was chosen.</param>
/// <param name="Situations">If not empty, the question is offered only when one of these situations applies.</param>
public sealed record DoctorQuestion(
    string Id,
    string Text,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Situations,
    SourceLocation Location);
