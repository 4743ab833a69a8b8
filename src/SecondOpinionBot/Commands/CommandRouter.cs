using System.Text.RegularExpressions;

namespace SecondOpinionBot.Commands;

/// <summary>
/// Decides whether a message is one of the table's commands. Exact phrase match only (case, surrounding spaces and
/// trailing punctuation ignored), so "I want to start over my treatment" is a sentence, not a command.
/// </summary>
public static partial class CommandRouter
{
    public static CommandMatch? Route(string? text, CommandScope scope)
    {
        var words = Normalize(text);
        if (words.Length == 0)
        {
            return null;
        }

        foreach (var command in CommandTable.InScope(scope))
        {
            foreach (var phrase in command.Phrases)
            {
                if (words == phrase)
                {
                    return new CommandMatch(command, null);
                }

                if (command.Argument is { } argument
                    && words.StartsWith(phrase + " ", StringComparison.Ordinal)
                    && words[(phrase.Length + 1)..] is var word
                    && !word.Contains(' ', StringComparison.Ordinal))
                {
                    return new CommandMatch(command, argument.Normalize(word));
                }
            }
        }

        return null;
    }

    /// <summary>Drops Teams mentions (&lt;at&gt;SecondOpinionBot&lt;/at&gt;), collapses spaces, lower-cases, trims trailing punctuation.</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var withoutMentions = MentionPattern().Replace(text, " ").Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        var collapsed = WhitespacePattern().Replace(withoutMentions, " ").Trim();
        return collapsed.TrimEnd('.', '!', '?', ',', ';', ':').TrimEnd().ToLowerInvariant();
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();
}
