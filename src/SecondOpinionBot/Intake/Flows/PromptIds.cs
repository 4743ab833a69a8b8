namespace SecondOpinionBot.Intake.Flows;

/// <summary>The prompts the journey registers once and uses by id.</summary>
public static class PromptIds
{
    public const string Text = "text";
    public const string Choice = "choice";
    public const string MultiChoice = "multi-choice";
    public const string Confirm = "confirm";
    public const string Date = "date";

    /// <summary>An Adaptive Card form (e.g. the records checklist); typed text is never its answer.</summary>
    public const string RecordsCard = "records-card";

    /// <summary>The doctor caring for the patient now: name, practice and phone fields on a card; typed words answer too.</summary>
    public const string DoctorCard = "doctor-card";

    /// <summary>"Is there a date set?": a date, or no / skip / not sure, as typed words (the step reads them).</summary>
    public const string DateOrNone = "date-or-none";
    public const string Phone = "phone";
    public const string Email = "email";
}
