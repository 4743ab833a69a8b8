namespace SecondOpinionBot.Summary;

/// <summary>
/// Every word the summary (card and plain text) shows apart from the user's answers; it comes from the content files.
/// <see cref="EditTooltip"/> may contain "{section}", replaced by the section heading, so screen readers can tell the
/// Edit buttons apart. <see cref="DateFormat"/> and <see cref="Culture"/> format the planned date.
/// </summary>
public sealed record SummaryCardText
{
    public required string Title { get; init; }

    public required string Intro { get; init; }

    /// <summary>The one "Change something" action; it opens the list of sections.</summary>
    public required string Edit { get; init; }

    /// <summary>Above the list of sections: "What would you like to change?".</summary>
    public string ChangeAsk { get; init; } = "";

    public required string EditTooltip { get; init; }

    public required string Confirm { get; init; }

    public required string NotGiven { get; init; }

    /// <summary>For an answer the bot could not understand and did not guess; "Not given" when the content has none.</summary>
    public string NotKnown { get; init; } = "";

    public string NotKnownText => NotKnown.Length > 0 ? NotKnown : NotGiven;

    public required string Yes { get; init; }

    public required string No { get; init; }

    public required IReadOnlyDictionary<SummarySection, string> Headings { get; init; }

    public required string RolePatient { get; init; }

    public required string RoleCaregiver { get; init; }

    public required string PatientNameLabel { get; init; }

    public required string RelationshipLabel { get; init; }

    public required string PatientAgreesLabel { get; init; }

    public required string ConcernLabel { get; init; }

    public required string ProposedLabel { get; init; }

    public required string PlannedDateLabel { get; init; }

    public required string CurrentClinicLabel { get; init; }

    public required string RecordHave { get; init; }

    public required string RecordNeedHelp { get; init; }

    public required string RecordNotApplicable { get; init; }

    public required string UrgencyRoutine { get; init; }

    public required string UrgencyChangingFast { get; init; }

    public required string UrgencyEmergencyMentioned { get; init; }

    public required string ContactMethodsLabel { get; init; }

    public required string PhoneLabel { get; init; }

    public required string EmailLabel { get; init; }

    public required string ContactTimesLabel { get; init; }

    public string DateFormat { get; init; } = "D";

    public string Culture { get; init; } = "en-US";

    public string HeadingOf(SummarySection section) => Headings.TryGetValue(section, out var heading) ? heading : section.ToString();
}
