namespace SecondOpinionBot.Content;

/// <summary>Phrases that signal an emergency, and the few negations that may cancel a match.</summary>
/// <param name="NegationCues">Words placed right before a phrase that mean the person does not have it ("no", "denies").</param>
public sealed record EmergencyPhrases(
    IReadOnlyList<string> Medical,
    IReadOnlyList<string> SelfHarm,
    IReadOnlyList<string> NegationCues);
