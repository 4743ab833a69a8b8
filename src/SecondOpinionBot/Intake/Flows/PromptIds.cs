namespace SecondOpinionBot.Intake.Flows;

/// <summary>The prompts the journey registers once and uses by id.</summary>
public static class PromptIds
{
    public const string Text = "text";
    public const string Choice = "choice";
    public const string MultiChoice = "multi-choice";
    public const string Confirm = "confirm";
    public const string Date = "date";
    public const string Phone = "phone";
    public const string Email = "email";
}
