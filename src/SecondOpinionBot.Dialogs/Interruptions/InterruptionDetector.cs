using SecondOpinionBot.Dialogs.Input;

namespace SecondOpinionBot.Dialogs.Interruptions;

/// <summary>
/// Runs every recognizer over everything the user sent (typed text and card inputs). An emergency anywhere wins, then a
/// safety note; otherwise the first recognizer's hit, in registration order.
/// </summary>
public sealed class InterruptionDetector(IEnumerable<IInterruptionRecognizer> recognizers)
{
    private readonly IReadOnlyList<IInterruptionRecognizer> _recognizers = recognizers.ToList();

    public Interruption? Detect(UserInput input, string culture)
    {
        ArgumentNullException.ThrowIfNull(input);
        Interruption? first = null;
        Interruption? note = null;
        foreach (var text in input.AllTexts())
        {
            foreach (var recognizer in _recognizers)
            {
                var found = recognizer.Recognize(text, culture);
                if (found?.Kind == InterruptionKind.Emergency)
                {
                    return found;
                }

                if (found?.Kind == InterruptionKind.SafetyNote)
                {
                    note ??= found;
                }
                else
                {
                    first ??= found;
                }
            }
        }

        return note ?? first;
    }
}
