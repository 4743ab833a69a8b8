using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>
/// A message said beside the question on screen: a question, or words about health (words.yaml clinicalWords). The
/// journey decides by the prompt: at a choice, yes/no or date question one that is not an answer is kept for our team;
/// at a free-text question it is the answer.
/// </summary>
public sealed class AsideRecognizer(ContentCatalogs content) : IInterruptionRecognizer
{
    public const string Question = "question";
    public const string Worry = "worry";

    public Interruption? Recognize(string text, string culture)
    {
        var catalog = content.For(culture);
        if (QuestionShape.IsQuestion(text, catalog))
        {
            return new Interruption(InterruptionKind.Aside, Question);
        }

        var words = catalog.Normalizer.Tokens(text);
        return words.Any(w => catalog.Asides.ClinicalWords.Contains(w, StringComparer.Ordinal))
            ? new Interruption(InterruptionKind.Aside, Worry)
            : null;
    }
}
