namespace SecondOpinionBot.Content;

/// <summary>
/// Short answers understood at any prompt. <see cref="Continue"/> resumes the journey after emergency guidance;
/// <see cref="ListJoiners"/> ("and") join several answers. Yes/no/not sure also feed the engine's Lexicon.
/// </summary>
public sealed record AnswerWords(
    IReadOnlyList<string> Yes,
    IReadOnlyList<string> No,
    IReadOnlyList<string> NotSure,
    IReadOnlyList<string> Skip,
    IReadOnlyList<string> Done,
    IReadOnlyList<string> Continue,
    IReadOnlyList<string> ListJoiners,
    IReadOnlyList<string> AnyTime)
{
    /// <summary>The catalog's way of reading words (set when the content is loaded).</summary>
    public Dialogs.Language.TextNormalizer Normalizer { get; init; } = Dialogs.Language.TextNormalizer.Plain;

    /// <summary>Each list with the answer it stands for, in the order they are matched.</summary>
    public IEnumerable<(ShortAnswer Answer, IReadOnlyList<string> Phrases)> ByAnswer =>
    [
        (ShortAnswer.NotSure, NotSure),
        (ShortAnswer.Yes, Yes),
        (ShortAnswer.No, No),
        (ShortAnswer.Skip, Skip),
        (ShortAnswer.Done, Done),
        (ShortAnswer.Continue, Continue),
        (ShortAnswer.AnyTime, AnyTime),
    ];

    /// <summary>
    /// The short answer the whole message (or its first clause: "yes, please") is, if any. Matching is on whole
    /// phrases, never on a word inside a longer answer.
    /// </summary>
    public ShortAnswer? Match(string? text)
    {
        var tokens = PhraseText.Tokens(text, Normalizer);
        var whole = string.Join(' ', tokens.Where(t => t != PhraseText.Break));
        var firstClause = string.Join(' ', tokens.TakeWhile(t => t != PhraseText.Break));
        foreach (var candidate in new[] { whole, firstClause }.Where(c => c.Length > 0).Distinct())
        {
            foreach (var (answer, phrases) in ByAnswer)
            {
                if (phrases.Any(p => Normalizer.PhraseWords(p) == candidate))
                {
                    return answer;
                }
            }
        }

        return null;
    }
}

public enum ShortAnswer
{
    Yes,
    No,
    NotSure,
    Skip,
    Done,
    Continue,
    AnyTime,
}

/// <summary>Phrases for the commands a user may say at any moment, matched as whole phrases (never Contains).</summary>
/// <param name="Fillers">Polite words stripped from the ends before matching ("please", "can I").</param>
/// <param name="WhatDoesItMean">Ways to ask what a glossary word means; {term} stands for the word ("what does {term} mean").</param>
public sealed record CommandWords(
    IReadOnlyList<string> Help,
    IReadOnlyList<string> Cancel,
    IReadOnlyList<string> StartOver,
    IReadOnlyList<string> TalkToPerson,
    IReadOnlyList<string> Status,
    IReadOnlyList<string> DeleteMyData,
    IReadOnlyList<string> WhatDoYouKnow,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> WhatDoesItMean,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Privacy,
    IReadOnlyList<string> Back)
{
    public static CommandWords Empty { get; } = new([], [], [], [], [], [], [], [], [], [], [], []);
}

/// <summary>
/// Words that show a message is said beside the question on screen: a question ("what…", "…?"), or a health worry
/// ("it hurts more"). At a choice, yes/no or date question these are kept for our team, never taken as a wrong answer.
/// </summary>
public sealed record AsideWords(IReadOnlyList<string> QuestionStarts, IReadOnlyList<string> ClinicalWords)
{
    public static AsideWords Empty { get; } = new([], []);
}

/// <summary>
/// This language as the patient picks it: <paramref name="Name"/> is the button's label, written in this language
/// ("Español"); <paramref name="Choose"/> the words that choose it, as people type them in any language ("spanish",
/// "espanol"). Matched as the whole message, accents and case ignored.
/// </summary>
public sealed record LanguageWords(string Name, IReadOnlyList<string> Choose);
