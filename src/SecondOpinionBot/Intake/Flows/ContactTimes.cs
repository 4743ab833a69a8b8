using Microsoft.Recognizers.Text;

namespace SecondOpinionBot.Intake.Flows;

/// <summary>Understands "weekdays after 3pm", "mornings", "Tuesday or Thursday" with the DateTime recognizer.</summary>
public static class ContactTimes
{
    /// <summary>The parts of the text the recognizer understood, joined for a read-back; null when it understood none.</summary>
    public static string? Understand(string text, string culture)
    {
        var found = Dialogs.Language.RecognizerModels.DateTime(text, ToRecognizerCulture(culture), DateTime.Now);
        return found.Count == 0 ? null : string.Join(", ", found.Select(r => r.Text));
    }

    private static string ToRecognizerCulture(string culture) =>
        Culture.SupportedCultures.Select(c => c.CultureCode).FirstOrDefault(c => c.StartsWith(culture, StringComparison.OrdinalIgnoreCase))
        ?? Culture.English;
}
