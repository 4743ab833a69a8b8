namespace SecondOpinionBot.Content;

/// <summary>Short answers understood at any prompt. <see cref="Continue"/> resumes the journey after emergency guidance.</summary>
public sealed record AnswerWords(
    IReadOnlyList<string> Yes,
    IReadOnlyList<string> No,
    IReadOnlyList<string> NotSure,
    IReadOnlyList<string> Skip,
    IReadOnlyList<string> Done,
    IReadOnlyList<string> Continue);

/// <summary>Phrases for the commands a user may say at any moment, matched as whole phrases (never Contains).</summary>
/// <param name="Fillers">Polite words stripped from the ends before matching ("please", "can I").</param>
public sealed record CommandWords(
    IReadOnlyList<string> Help,
    IReadOnlyList<string> Cancel,
    IReadOnlyList<string> StartOver,
    IReadOnlyList<string> TalkToPerson,
    IReadOnlyList<string> Status,
    IReadOnlyList<string> DeleteMyData,
    IReadOnlyList<string> WhatDoYouKnow,
    IReadOnlyList<string> Fillers);
