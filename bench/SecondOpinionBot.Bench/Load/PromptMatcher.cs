using System.Text.RegularExpressions;
using SecondOpinionBot.Content;

namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// Tells which of the bot's questions a turn ends on, by message key, from the same content the host loads
/// (dialogs/en): each key's longest fixed fragment (the text between placeholders) is looked for in what the bot
/// said, and the one found last wins. Content edits change the fragments, not the keys, so the patients keep working.
/// </summary>
public sealed partial class PromptMatcher
{
    private readonly (string Key, string Fragment)[] _fragments;

    public PromptMatcher(IEnumerable<string> keys)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var messages = ContentCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "dialogs"), "en").Default.Messages.All;
        _fragments = messages
            .Where(m => wanted.Contains(m.Key))
            .Select(m => (m.Key, Fragment: LongestFixedPart(m.Text)))
            .Where(f => f.Fragment.Length >= 10)
            .ToArray();
    }

    /// <summary>The key of the question the text ends on, or null.</summary>
    public string? LastPrompt(string said)
    {
        var text = Collapse(said);
        string? best = null;
        var bestEnd = -1;
        foreach (var (key, fragment) in _fragments)
        {
            var at = text.LastIndexOf(fragment, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at + fragment.Length > bestEnd)
            {
                best = key;
                bestEnd = at + fragment.Length;
            }
        }

        return best;
    }

    private static string LongestFixedPart(string template) =>
        Placeholder().Split(Collapse(template)).Select(p => p.Trim(' ', '.', '"')).MaxBy(p => p.Length) ?? "";

    private static string Collapse(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
