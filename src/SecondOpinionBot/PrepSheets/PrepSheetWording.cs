namespace SecondOpinionBot.PrepSheets;

/// <summary>The sheet's own words (headings, labels), from the content files. <see cref="Language"/> is a BCP 47 tag.</summary>
public sealed record PrepSheetWording
{
    public string Language { get; init; } = "en";

    public string Culture { get; init; } = "en-US";

    public string DateFormat { get; init; } = "D";

    public required string Title { get; init; }

    public required string Intro { get; init; }

    public required string ReferenceLabel { get; init; }

    /// <summary>Header labels: who the sheet is for, the worry, what was suggested, the doctor now, how to reach the team.</summary>
    public string ForLabel { get; init; } = "";

    public string ConcernLabel { get; init; } = "";

    public string ProposedLabel { get; init; } = "";

    public string DoctorLabel { get; init; } = "";

    public string ReachTeamLabel { get; init; } = "";

    public string ReachTeam { get; init; } = "";

    /// <summary>The records request letters; null when the content's letter is not approved (then none is offered).</summary>
    public Content.RecordsLetters? Letters { get; init; }

    public required string ReasonsHeading { get; init; }

    public required string QuestionsHeading { get; init; }

    public required string RecordsHeading { get; init; }

    public required string RecordHave { get; init; }

    public required string RecordNeedHelp { get; init; }

    public required string RecordNotApplicable { get; init; }

    public required string UsuallyFromLabel { get; init; }

    public required string DatesHeading { get; init; }

    public required string PlannedDateLabel { get; init; }

    public required string CaseSentLabel { get; init; }

    public required string NothingYet { get; init; }

    /// <summary>Shown at the end, e.g. that this is not medical advice and what to do in an emergency.</summary>
    public required string Footer { get; init; }
}
