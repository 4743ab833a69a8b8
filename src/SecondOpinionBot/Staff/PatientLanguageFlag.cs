using System.Globalization;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The patient's language as staff read it (in English: "Spanish"), and whether an interpreter may be needed: the
/// patient chatted in another language than the team's, or asked for an interpreter among their needs.
/// </summary>
public static class PatientLanguageFlag
{
    /// <param name="staffCulture">The team's language (the default content language).</param>
    public static bool InterpreterMayBeNeeded(CaseDetails details, string staffCulture)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details.Needs.Contains(NeedIds.Interpreter) || !SameLanguage(details.Language, staffCulture);
    }

    /// <summary>The language's English name ("Spanish"); the team's own language when the case did not record one.</summary>
    public static string Name(string? culture, string staffCulture)
    {
        var code = string.IsNullOrWhiteSpace(culture) ? staffCulture : culture;
        try
        {
            return CultureInfo.GetCultureInfo(code.Split('-', '_')[0]).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    private static bool SameLanguage(string? culture, string staffCulture) =>
        string.IsNullOrWhiteSpace(culture)
        || string.Equals(culture.Split('-', '_')[0], staffCulture.Split('-', '_')[0], StringComparison.OrdinalIgnoreCase);
}
