namespace SecondOpinionBot.Content;

/// <summary>One of the four reasons for a second opinion, in plain words.</summary>
/// <param name="Summary">One line, for lists, the summary card and the prep sheet.</param>
/// <param name="SoundsLikeYou">"Does this sound like you?" yes/no questions.</param>
/// <param name="SuggestWhen">Situations that make this reason worth proposing to someone who is not sure.</param>
public sealed record Reason(
    string Id,
    string Title,
    string Summary,
    string Explanation,
    IReadOnlyList<string> SoundsLikeYou,
    IReadOnlyList<ReasonSignal> SuggestWhen,
    SourceLocation Location);

/// <param name="Because">What the bot says to explain the suggestion, e.g. "You said the plan includes surgery."</param>
public sealed record ReasonSignal(string Situation, string Because, SourceLocation Location);

/// <summary>A reason proposed from earlier answers, with the plain-words explanation why.</summary>
public sealed record ReasonSuggestion(Reason Reason, IReadOnlyList<string> Because);
