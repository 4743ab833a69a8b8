using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Sequence;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>
/// A phone number anywhere in the answer ("call me on 555-123-4567"). A whole written number with its country or area
/// code ("+1 555 013 9472", "(555) 013-9472") is kept as written; otherwise Microsoft.Recognizers.Text.Sequence finds
/// it. The recognizer alone would read "(555) 013-9472" as "013-9472", silently losing the area code.
/// </summary>
public sealed partial class PhoneNumberPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(DialogContext dc, PromptOptions options)
    {
        foreach (System.Text.RegularExpressions.Match candidate in WrittenNumber().Matches(dc.Input.Answer ?? ""))
        {
            var digits = candidate.Value.Count(char.IsAsciiDigit);
            if (digits is >= 7 and <= 15)
            {
                return PromptRecognition.Success<string>(Spaces().Replace(candidate.Value.Trim(), " "));
            }
        }

        return SequenceAnswer.Find(dc, SequenceRecognizer.RecognizePhoneNumber);
    }

    // Digits with the usual separators, optionally led by + or an opening bracket.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\+|\()?\d[\d ().-]{5,}\d")]
    private static partial System.Text.RegularExpressions.Regex WrittenNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();
}

/// <summary>An email address anywhere in the answer, via Microsoft.Recognizers.Text.Sequence.</summary>
public sealed class EmailPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(DialogContext dc, PromptOptions options)
        => SequenceAnswer.Find(dc, SequenceRecognizer.RecognizeEmail);
}

internal static class SequenceAnswer
{
    public static PromptRecognition<string> Find(DialogContext dc, Func<string, string, SequenceOptions, bool, List<ModelResult>> recognize)
    {
        if (dc.Input.Answer is not { } answer)
        {
            return PromptRecognition.Failed<string>();
        }

        var first = recognize(answer, dc.Language.RecognizerCulture, SequenceOptions.None, true).FirstOrDefault();
        return first?.Resolution.GetValueOrDefault("value") is string value
            ? PromptRecognition.Success<string>(value)
            : PromptRecognition.Failed<string>();
    }
}
