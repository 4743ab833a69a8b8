using System.Text.RegularExpressions;

namespace SecondOpinionBot.Commands;

/// <summary>The one word a command takes after its phrase, e.g. the case reference in "case SO-7K3F".</summary>
/// <param name="Hint">How the argument is shown to people, e.g. "SO-7K3F".</param>
/// <param name="Normalize">Returns the canonical value, or null when the word is not a valid argument.</param>
public sealed record CommandArgument(string Hint, Func<string, string?> Normalize)
{
    public static CommandArgument OneOf(params string[] choices) => new(
        string.Join('|', choices),
        word => choices.FirstOrDefault(choice => string.Equals(choice, word, StringComparison.OrdinalIgnoreCase)));

    public static CommandArgument Matching(string hint, Regex pattern) => new(
        hint,
        word => pattern.IsMatch(word) ? word.ToUpperInvariant() : null);
}
