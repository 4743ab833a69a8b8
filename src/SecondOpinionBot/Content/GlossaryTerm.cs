namespace SecondOpinionBot.Content;

/// <summary>A medical word the content may use, with a plain explanation the bot can give.</summary>
/// <param name="Forms">Every spelling counted as this word (anaesthesia, anesthesia, ...).</param>
public sealed record GlossaryTerm(string Term, IReadOnlyList<string> Forms, string Explanation, SourceLocation Location);
