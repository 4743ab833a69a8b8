using System.Globalization;
using System.Text;

namespace SecondOpinionBot.Dialogs.Language;

/// <summary>Whole-word phrase matching on normalised text: lower case, punctuation as spaces, single spaces.</summary>
public static class PhraseMatcher
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '\'' or '’' or '@' ? (c == '’' ? '\'' : c) : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="normalizedText"/> as whole words.</summary>
    public static bool ContainsPhrase(string normalizedText, string phrase)
    {
        var p = Normalize(phrase);
        return p.Length > 0 && $" {normalizedText} ".Contains($" {p} ", StringComparison.Ordinal);
    }
}
