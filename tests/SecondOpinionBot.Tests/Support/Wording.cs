using System.Text;
using System.Text.RegularExpressions;
using SecondOpinionBot.Content;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// Recognises a message by its key in the content a host loaded, so tests follow the wording the care team writes in
/// dialogs/ instead of copying it: the message's template must appear in what the bot sent, each {placeholder}
/// standing for any text (or, when the test gives its value, for that value as sent, Markdown-escaped or not), any
/// run of spaces or line breaks for any other, a straight quote for a typographic one.
/// </summary>
public static partial class Wording
{
    /// <summary>The repository's dialogs/, as a host started without a Content:Directory setting loads it.</summary>
    public static ContentCatalogs Repository => Tests.Content.ContentFixture.Catalogs;

    /// <summary>The repository's default-language messages.</summary>
    public static MessageCatalog Messages => Repository.Default.Messages;

    /// <summary>The words of fixed labels (buttons, titles) in the repository's content, in order.</summary>
    /// <summary>A choice's label as the repository's choices.yaml words it, as a patient sees it on a button.</summary>
    public static string Choice(string setId, string choiceId) =>
        Repository.Default.Choices(setId).Choices.Single(c => c.Id == choiceId).Label;

    public static string[] Texts(params MessageKey[] keys) => [.. keys.Select(key => Messages.Get(key))];

    /// <summary>Whether <paramref name="text"/> contains the message <paramref name="key"/> of <paramref name="messages"/>.</summary>
    public static bool Says(this MessageCatalog messages, string? text, MessageKey key, params (string Name, string Value)[] values) =>
        text is not null && PatternOf(messages.Get(key), values, key.Name).IsMatch(text);

    /// <summary>The same against the repository's content, for text that did not come through a <see cref="BotTurn"/>.</summary>
    public static bool Says(string? text, MessageKey key, params (string Name, string Value)[] values) => Messages.Says(text, key, values);

    /// <summary>
    /// The pattern for one template. Throws when it would match almost anything (a template that is all placeholders,
    /// such as "{question}", with no value given): a check that cannot fail is worse than none.
    /// </summary>
    public static Regex PatternOf(string template, IReadOnlyList<(string Name, string Value)> values, string? keyName = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            given[name] = value;
        }

        var unknown = given.Keys.Where(name => !template.Contains('{' + name + '}', StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Message '{keyName ?? template}' has no placeholder {string.Join(", ", unknown.Select(n => "{" + n + "}"))}.", nameof(values));
        }

        var pattern = new StringBuilder();
        var fixedLetters = 0;
        var at = 0;
        foreach (Match placeholder in PlaceholderPattern().Matches(template))
        {
            fixedLetters += Literal(pattern, template[at..placeholder.Index]);
            if (given.TryGetValue(placeholder.Groups[1].Value, out var value))
            {
                pattern.Append("(?:").Append(Flexible(value)).Append('|').Append(Flexible(MarkdownText.Escape(value))).Append(')');
                fixedLetters += value.Count(char.IsLetterOrDigit);
            }
            else
            {
                pattern.Append(@"[\s\S]*?");
            }

            at = placeholder.Index + placeholder.Length;
        }

        fixedLetters += Literal(pattern, template[at..]);
        if (fixedLetters < 3)
        {
            throw new InvalidOperationException(
                $"Message '{keyName ?? template}' (\"{template}\") has too little fixed wording to recognise; give its placeholder values.");
        }

        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Appends literal text (whitespace runs loosened) and returns how many letters it pins down.</summary>
    private static int Literal(StringBuilder pattern, string text)
    {
        pattern.Append(Flexible(text));
        return text.Count(char.IsLetterOrDigit);
    }

    // Markdown renderers (Web Chat's) may show ' and " as typographic quotes: either form is the same wording.
    private static string Flexible(string text) =>
        string.Join(@"\s+", WhitespacePattern().Split(text).Select(part => Regex.Escape(part)
            .Replace("'", "['‘’]", StringComparison.Ordinal)
            .Replace("\"", "[\"“”]", StringComparison.Ordinal)));

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
