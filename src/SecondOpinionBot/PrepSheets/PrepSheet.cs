namespace SecondOpinionBot.PrepSheets;

/// <summary>
/// A take-away preparation sheet with every word already chosen: the headings in the user's language and their
/// answers. It is stored as it is with a link, so the page shows the answers as they were when the link was made.
/// Answer text is raw here; each rendering (HTML, message) encodes it for its medium.
/// </summary>
public sealed record PrepSheet(
    string Language,
    string Title,
    string Intro,
    IReadOnlyList<PrepSheetFact> Header,
    string ReasonsHeading,
    IReadOnlyList<PrepSheetReason> Reasons,
    string QuestionsHeading,
    IReadOnlyList<string> Questions,
    string RecordsHeading,
    IReadOnlyList<PrepSheetRecord> Records,
    string DatesHeading,
    IReadOnlyList<PrepSheetFact> KeyDates,
    string NothingYet,
    string Footer);

public sealed record PrepSheetFact(string Label, string Value);

public sealed record PrepSheetReason(string Title, string? Explanation);

/// <param name="Ready">True when the person already has it (shown ticked on the checklist).</param>
/// <param name="Source">Where it usually comes from, e.g. "the imaging department of the hospital that did the scan".</param>
public sealed record PrepSheetRecord(string Title, string Status, bool Ready, string? Source, string? SourceLabel);
