using System.Text.RegularExpressions;

namespace SecondOpinionBot.Content;

/// <summary>Every message the bot says, by dotted key (e.g. <c>welcome.intro</c>), with {placeholder} filling.</summary>
public sealed partial class MessageCatalog
{
    private readonly Dictionary<string, ContentMessage> _messages = new(StringComparer.Ordinal);

    internal MessageCatalog(IReadOnlyList<ContentMessage> messages)
    {
        All = messages;
        foreach (var message in messages)
        {
            _messages.TryAdd(message.Key, message); // duplicates are reported by the validator
        }
    }

    /// <summary>Every message as written, in file order.</summary>
    public IReadOnlyList<ContentMessage> All { get; }

    public bool Contains(string key) => _messages.ContainsKey(key);

    /// <summary>The raw text, placeholders not filled. Keys in <see cref="MessageKeys"/> are checked at startup.</summary>
    public string Get(MessageKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _messages.TryGetValue(key.Name, out var message)
            ? message.Text
            : throw new KeyNotFoundException($"No message '{key.Name}' in dialogs/ (MessageKeys comes from dialogs/en/messages.yaml; this language lacks it).");
    }

    /// <summary>The text with each {name} replaced; every placeholder the key declares must be given a value.</summary>
    public string Format(MessageKey key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = Get(key);
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            lookup[name] = value;
        }

        foreach (var name in key.Placeholders)
        {
            if (!lookup.ContainsKey(name) && text.Contains('{' + name + '}', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Message '{key.Name}' needs a value for {{{name}}}.", nameof(values));
            }
        }

        return Fill(text, lookup);
    }

    internal static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    internal static IEnumerable<string> PlaceholdersIn(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();
}

/// <summary>One message as written in messages.yaml.</summary>
public sealed record ContentMessage(string Key, string Text, SourceLocation Location);
