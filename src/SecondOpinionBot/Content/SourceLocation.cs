namespace SecondOpinionBot.Content;

/// <summary>Where an item was written, so later cross-reference errors can point an editor at it.</summary>
public sealed record SourceLocation(string File, int Line);
