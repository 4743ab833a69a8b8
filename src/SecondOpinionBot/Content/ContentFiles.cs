namespace SecondOpinionBot.Content;

/// <summary>The files each language folder must have; any other .yaml file there is reported as unknown.</summary>
internal static class ContentFiles
{
    public const string Messages = "messages.yaml";
    public const string Reasons = "reasons.yaml";
    public const string Situations = "situations.yaml";
    public const string Questions = "questions.yaml";
    public const string Records = "records.yaml";
    public const string Needs = "needs.yaml";
    public const string Choices = "choices.yaml";
    public const string Words = "words.yaml";
    public const string Emergency = "emergency.yaml";
    public const string Glossary = "glossary.yaml";
    public const string Faq = "faq.yaml";
    public const string Routing = "routing.yaml";

    /// <summary>The records request letter on the prep sheet, approved by the deployment's records and legal staff.</summary>
    public const string Letters = "letters.yaml";

    /// <summary>What the care team reads (staff.* messages). Not part of the patient flow's version.</summary>
    public const string Staff = "staff.yaml";

    public static readonly IReadOnlyList<string> All =
        [Messages, Reasons, Situations, Questions, Records, Needs, Choices, Words, Emergency, Glossary, Faq, Routing, Letters, Staff];
}
