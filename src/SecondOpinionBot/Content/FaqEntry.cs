namespace SecondOpinionBot.Content;

/// <summary>One common question (faq.yaml): the ways people ask it and the plain answer.</summary>
public sealed record FaqEntry(string Id, IReadOnlyList<string> Asks, string Answer, SourceLocation Location);
