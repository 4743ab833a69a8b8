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
    string Footer,
    PrepSheetLetters? Letters = null);

/// <param name="Value">Empty: a line to write on (the bot does not know it, e.g. a patient's name).</param>
public sealed record PrepSheetFact(string Label, string Value);

/// <summary>The records request letters (letters.yaml), when its text is approved and a record needs one.</summary>
/// <param name="NotByLetterNote">Said when a record that no letter can ask for (slides, tissue blocks) needs help.</param>
public sealed record PrepSheetLetters(string Heading, string Intro, Content.RecordsLetterWording Wording, IReadOnlyList<PrepSheetLetter> Letters, string? NotByLetterNote);

/// <param name="To">The office, e.g. "The imaging (radiology) department".</param>
/// <param name="At">The clinic the person named, or null for a line to write it on.</param>
/// <param name="Asks">One line per record, in the person's voice.</param>
/// <param name="PatientFirstName">Written before the blank for the full name, when known.</param>
public sealed record PrepSheetLetter(string To, string? At, IReadOnlyList<string> Asks, string? PatientFirstName);

public sealed record PrepSheetReason(string Title, string? Explanation);

/// <param name="Ready">True when the person already has it (shown ticked on the checklist).</param>
/// <param name="Source">Where it usually comes from, e.g. "the imaging department of the hospital that did the scan".</param>
public sealed record PrepSheetRecord(string Title, string Status, bool Ready, string? Source, string? SourceLabel);
