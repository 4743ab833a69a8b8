using System.Text;

namespace SecondOpinionBot.Content;

/// <summary>
/// Makes user text safe to show where markdown is rendered, so it can never become a link, a heading, bold text or
/// markup. <see cref="Escape"/> uses backslash escapes (Teams and web chat messages); <see cref="ForCard"/> swaps the
/// few active characters for look-alikes, because backslash escapes in Adaptive Card TextBlocks render differently
/// across Teams clients (microsoft/AdaptiveCards#5590, #7474).
/// </summary>
public static class MarkdownText
{
    private const char ZeroWidthSpace = '\u200B';
    private const string Special = "\\`*_{}[]()#+-.!|>~";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case ':' when text.AsSpan(i).StartsWith("://", StringComparison.Ordinal):
                    builder.Append(':').Append(ZeroWidthSpace); // "https://x" must not auto-link
                    break;
                case '@':
                    builder.Append('@').Append(ZeroWidthSpace); // no mailto: auto-link, no mention look-alike
                    break;
                default:
                    if (Special.Contains(ch, StringComparison.Ordinal))
                    {
                        builder.Append('\\');
                    }

                    builder.Append(ch);
                    if (ch == '.' && IsWwwDot(text, i))
                    {
                        builder.Append(ZeroWidthSpace); // "www.example" must not auto-link
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsWwwDot(string text, int dotIndex) =>
        dotIndex >= 3 && text.AsSpan(dotIndex - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// For Adaptive Card TextBlocks: one line, markdown characters replaced by look-alikes that no renderer treats as
    /// markup, and web addresses broken up. Reads the same to staff; cannot format or link.
    /// </summary>
    public static string ForCard(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            builder.Append(ch switch
            {
                '*' => "\u2217",
                '_' => "\uFF3F",
                '[' => "\uFF3B",
                ']' => "\uFF3D",
                '`' => "\u02CB",
                '~' => "\u223C",
                '#' => "\uFF03",
                '<' => "\u2039",
                '>' => "\u203A",
                '\\' => "\uFF3C",
                '\r' or '\n' or '\t' => " ",
                '-' or '+' when builder.Length == 0 => "\u2010",
                '@' => "@\u200B",
                ':' when text.AsSpan(i).StartsWith("://", StringComparison.Ordinal) => ":\u200B",
                '.' when IsWwwDot(text, i) => "\u200B.",
                _ => ch.ToString(),
            });
        }

        return builder.ToString();
    }
}
