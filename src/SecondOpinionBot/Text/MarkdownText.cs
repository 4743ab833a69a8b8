using System.Text;

namespace SecondOpinionBot.Text;

/// <summary>
/// Makes user-typed text inert where a channel renders markdown (Adaptive Card TextBlocks, Teams and Web Chat
/// messages): one line, markdown and link syntax backslash-escaped, so "[x](http://…)" or "**" shows as typed and
/// nothing becomes a link. Ordinary punctuation is left alone so sentences stay readable.
/// </summary>
public static class MarkdownText
{
    private const string AlwaysEscaped = "\\`*_[]<>#|~@";

    public static string Escape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var line = OneLine(text);
        var builder = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (AlwaysEscaped.Contains(c, StringComparison.Ordinal)
                || (i == 0 && c is '-' or '+' or '=')
                || (c == '.' && IsListNumber(line, i))
                || (c == ':' && At(line, i + 1, "//"))
                || (c == '.' && i >= 3 && line.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Line breaks would start new blocks (headings, lists); user answers are shown on one line.
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text.Trim())
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!space || !lastWasSpace)
            {
                builder.Append(space ? ' ' : c);
            }

            lastWasSpace = space;
        }

        return builder.ToString();
    }

    private static bool IsListNumber(string line, int dot) => dot > 0 && line[..dot].All(char.IsAsciiDigit);

    private static bool At(string line, int index, string value) =>
        index + value.Length <= line.Length && string.CompareOrdinal(line, index, value, 0, value.Length) == 0;
}
