using System.Globalization;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>A number in digits or words ("45", "forty five"), via Microsoft.Recognizers.Text.Number.</summary>
public sealed class NumberPrompt(string id, PromptValidator<double>? validator = null) : Prompt<double>(id, validator)
{
    protected override PromptRecognition<double> Recognize(DialogContext dc, PromptOptions options)
    {
        if (dc.Input.Answer is not { } answer)
        {
            return PromptRecognition.Failed<double>();
        }

        var first = Language.RecognizerModels.Number(answer, dc.Language.RecognizerCulture).FirstOrDefault();
        return first?.Resolution.GetValueOrDefault("value") is string value
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? PromptRecognition.Success<double>(number)
            : PromptRecognition.Failed<double>();
    }
}
