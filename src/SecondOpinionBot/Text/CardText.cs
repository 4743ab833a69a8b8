using System.Globalization;
using System.Text;

namespace SecondOpinionBot.Text;

/// <summary>
/// Makes user-typed words safe to put on a card. Card text is rendered as Markdown and Teams turns anything that looks
/// like an address into a link, so a name keeps only letters, spaces, hyphens and apostrophes (no dots, slashes,
/// brackets or asterisks), words that look like addresses are dropped, and the result is trimmed to a sensible length.
/// </summary>
public static class CardText
{
    private const int MaxNameLength = 40;

    public static string SafeName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Words that look like addresses (a dot, colon, slash or @) are dropped whole, not just stripped of symbols.
        var words = text.Normalize(NormalizationForm.FormC)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.IndexOfAny(['.', ':', '/', '@', '\\']) < 0);
        var kept = new StringBuilder();
        foreach (var c in string.Join(' ', words))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var isLetter = char.IsLetter(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (isLetter || c is '-' or '\'' or '’')
            {
                kept.Append(c);
            }
            else if (char.IsWhiteSpace(c) && kept.Length > 0 && kept[^1] != ' ')
            {
                kept.Append(' ');
            }
        }

        var result = kept.ToString().Trim();
        return result.Length <= MaxNameLength ? result : result[..MaxNameLength].TrimEnd();
    }

    private const int MaxFirstNameLength = 30;

    /// <summary>
    /// The answer when it is one plausible first name (letters of any script, hyphens and apostrophes between them, at
    /// most 30 characters: José, Mary-Jane, O'Neil), otherwise null. A sentence typed where a name was asked ("My mother
    /// has been told…") is not a name and must never reach a channel.
    /// </summary>
    public static string? PlausibleFirstName(string? text)
    {
        var name = text?.Trim().Normalize(NormalizationForm.FormC);
        if (string.IsNullOrEmpty(name) || name.Length > MaxFirstNameLength || !char.IsLetter(name[0]))
        {
            return null;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetter(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            // A hyphen or apostrophe joins letters: not at the end, never two in a row.
            var joins = c is '-' or '\'' or '’' && i < name.Length - 1 && char.IsLetter(name[i + 1]);
            if (!joins)
            {
                return null;
            }
        }

        return name;
    }

    /// <summary>The first word of a display name ("Ana Lopez" → "Ana"), made safe.</summary>
    public static string FirstName(string? displayName)
    {
        var safe = SafeName(displayName);
        var space = safe.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? safe : safe[..space];
    }

    /// <summary>A content id ("diagnostic-clarity") as words ("Diagnostic clarity"); ids are data, never free text.</summary>
    public static string Label(string id)
    {
        var words = new string(id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray()).Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? "" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
