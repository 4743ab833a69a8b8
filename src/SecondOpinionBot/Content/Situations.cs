namespace SecondOpinionBot.Content;

/// <summary>
/// A tag describing the patient's situation (procedure-planned, diagnosis-unclear, cancer, ...). Tags come from choices
/// the user picked or from <see cref="Keywords"/> found in what they typed; questions and records are chosen by tag.
/// </summary>
public sealed record Situation(string Id, string Label, IReadOnlyList<string> Keywords, SourceLocation Location);
