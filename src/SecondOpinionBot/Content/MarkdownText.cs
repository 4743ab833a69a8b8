using System.Text;

namespace SecondOpinionBot.Content;

/// <summary>
/// Makes user text safe to place inside Teams / web chat markdown messages and Adaptive Card TextBlocks:
/// markdown and HTML characters are escaped and web addresses are broken up, so user text can never become a link,
/// a heading, bold text or markup.
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
}
