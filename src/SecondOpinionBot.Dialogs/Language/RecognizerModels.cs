using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace SecondOpinionBot.Dialogs.Language;

/// <summary>
/// Microsoft.Recognizers.Text, one recognizer per kind for the whole process. The library's static helpers
/// (<c>NumberRecognizer.RecognizeNumber(text, culture)</c>) build a new recognizer, and register every culture's model
/// factories again, on each call; the models themselves are cached by the library either way, and are shared across
/// threads by it, so results are the same.
/// </summary>
public static class RecognizerModels
{
    private static readonly NumberRecognizer Numbers = new(NumberOptions.None);
    private static readonly DateTimeRecognizer DateTimes = new(DateTimeOptions.None);

    /// <summary>As <c>NumberRecognizer.RecognizeNumber(text, culture)</c>.</summary>
    public static List<ModelResult> Number(string text, string culture) => Numbers.GetNumberModel(culture, fallbackToDefaultCulture: true).Parse(text);

    /// <summary>As <c>NumberRecognizer.RecognizeOrdinal(text, culture)</c>.</summary>
    public static List<ModelResult> Ordinal(string text, string culture) => Numbers.GetOrdinalModel(culture, fallbackToDefaultCulture: true).Parse(text);

    /// <summary>As <c>DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, reference)</c>.</summary>
    public static List<ModelResult> DateTime(string text, string culture, System.DateTime reference) =>
        DateTimes.GetDateTimeModel(culture, fallbackToDefaultCulture: true).Parse(text, reference);
}
