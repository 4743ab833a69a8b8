using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.Sequence;

namespace SecondOpinionBot.Dialogs.Prompts;

/// <summary>A phone number anywhere in the answer ("call me on 555-123-4567"), via Microsoft.Recognizers.Text.Sequence.</summary>
public sealed class PhoneNumberPrompt(string id, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    protected override PromptRecognition<string> Recognize(DialogContext dc, PromptOptions options)
        => SequenceAnswer.Find(dc, SequenceRecognizer.RecognizePhoneNumber);
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
