using System.Text;

namespace SecondOpinionBot.Content;

/// <summary>Text typed by a user, cleaned: trimmed, whitespace collapsed, control characters dropped, length-limited.</summary>
/// <param name="WasCut">True when the text was longer than allowed; the bot then adds the <c>text.tooLong</c> note.</param>
public sealed record FreeTextResult(string Text, bool WasCut);

/// <summary>Cleans free text. The result is still plain text: escape it (SecondOpinionBot.Text.MarkdownText) when showing it.</summary>
public static class FreeText
{
    public const int DefaultMaxLength = 500;

    public static FreeTextResult Clean(string? input, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrWhiteSpace(input))
        {
            return new FreeTextResult("", false);
        }

        var builder = new StringBuilder(Math.Min(input.Length, maxLength + 1));
        var pendingSpace = false;
        foreach (var ch in input)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        var text = builder.ToString();
        if (text.Length <= maxLength)
        {
            return new FreeTextResult(text, false);
        }

        return new FreeTextResult(CutAtWord(text, maxLength), true);
    }

    /// <summary>Cuts at the last space before the limit when one is reasonably close, never inside a surrogate pair.</summary>
    private static string CutAtWord(string text, int maxLength)
    {
        var cut = maxLength;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        var space = text.LastIndexOf(' ', cut);
        if (space > maxLength * 3 / 4)
        {
            cut = space;
        }

        return text[..cut].TrimEnd();
    }
}
