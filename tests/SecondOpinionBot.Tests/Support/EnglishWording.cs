using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Summary;

namespace SecondOpinionBot.Tests.Support;

/// <summary>English display text for tests; the product's own text lives in dialogs/.</summary>
public static class EnglishWording
{
    public static SummaryCardText Summary { get; } = new()
    {
        Title = "Your summary",
        Intro = "Please check this before I send it.",
        Edit = "Edit",
        EditTooltip = "Edit {section}",
        Confirm = "Confirm and send",
        NotGiven = "Not given",
        Yes = "Yes",
        No = "No",
        Headings = new Dictionary<SummarySection, string>
        {
            [SummarySection.Role] = "Who this is for",
            [SummarySection.Situation] = "Your situation",
            [SummarySection.Reasons] = "Why a second opinion",
            [SummarySection.Questions] = "Your questions",
            [SummarySection.Records] = "Records",
            [SummarySection.Needs] = "Help you asked for",
            [SummarySection.Urgency] = "How urgent",
            [SummarySection.Contact] = "How to reach you",
        },
        RolePatient = "You, the patient",
        RoleCaregiver = "Someone you care for",
        PatientNameLabel = "Patient's first name",
        RelationshipLabel = "You are their",
        PatientAgreesLabel = "They agree to this",
        ConcernLabel = "Your concern",
        ProposedLabel = "What was proposed",
        PlannedDateLabel = "Planned for",
        CurrentClinicLabel = "Current clinic",
        RecordHave = "I have it",
        RecordNeedHelp = "I need help getting it",
        RecordNotApplicable = "Does not apply",
        UrgencyRoutine = "No urgent changes",
        UrgencyChangingFast = "Symptoms are changing fast",
        UrgencyEmergencyMentioned = "You mentioned an emergency earlier",
        ContactMethodsLabel = "Ways to contact you",
        PhoneLabel = "Phone",
        EmailLabel = "Email",
        ContactTimesLabel = "Best times",
    };

    public static ChoiceCatalog Catalog { get; } = new(
        new Dictionary<string, ChoiceText>
        {
            ["diagnostic-clarity"] = new("Diagnostic clarity", "Check that the diagnosis fits your tests and history."),
            ["treatment-confidence"] = new("Treatment confidence", "Compare the proposed treatment with other options."),
        },
        new Dictionary<string, ChoiceText>
        {
            ["imaging"] = new("Scan images and reports", "the imaging department that did the scan"),
            ["pathology"] = new("Pathology report", "the hospital laboratory"),
        },
        new Dictionary<string, ChoiceText> { ["transport"] = new("Transport to appointments") },
        new Dictionary<string, ChoiceText> { ["phone"] = new("Phone call"), ["email"] = new("Email") });

    public static PrepSheetWording PrepSheet { get; } = new()
    {
        Title = "Getting ready for your second opinion",
        Intro = "Bring this page to your appointment.",
        ReferenceLabel = "Case reference",
        ReasonsHeading = "Why you want a second opinion",
        QuestionsHeading = "Questions to ask",
        RecordsHeading = "Records to gather",
        RecordHave = "you have it",
        RecordNeedHelp = "you asked for help",
        RecordNotApplicable = "does not apply",
        UsuallyFromLabel = "Usually from:",
        DatesHeading = "Key dates",
        PlannedDateLabel = "Planned test or treatment",
        CaseSentLabel = "Case sent to the care team",
        NothingYet = "Nothing yet.",
        Footer = "This sheet is not medical advice. In an emergency call your local emergency number.",
    };

    public static StoredDataWording StoredData { get; } = new()
    {
        Intro = "Here is what I have stored about you:",
        Nothing = "I have nothing stored about you.",
        Outro = "Type \"delete my data\" to erase it.",
        NoFields = "no answers yet",
        Lines = new Dictionary<StoredDataCategory, string>
        {
            [StoredDataCategory.Answers] = "Your answers so far: {fields}",
            [StoredDataCategory.ConversationPosition] = "Where we are in this conversation",
            [StoredDataCategory.Case] = "Your case {reference}: {fields}",
            [StoredDataCategory.PrepSheetLinks] = "{count} link(s) to your prep sheet, working until {until}",
            [StoredDataCategory.WebChatTranscript] = "{count} message(s) of this web chat",
            [StoredDataCategory.PendingMessages] = "{count} message(s) waiting to be sent to you",
        },
        FieldNames = new Dictionary<string, string>
        {
            [CaseDetailsFields.Role] = "who this is for",
            [CaseDetailsFields.PatientFirstName] = "a first name",
            [CaseDetailsFields.Concern] = "your concern",
            [CaseDetailsFields.Reasons] = "your reasons",
            [CaseDetailsFields.Questions] = "your questions",
            [CaseDetailsFields.Records] = "your records checklist",
            [CaseDetailsFields.Phone] = "your phone number",
            [CaseDetailsFields.Email] = "your email address",
        },
    };

    /// <summary>A complete draft full of sentinel values.</summary>
    public static IntakeDraft SentinelDraft() => new()
    {
        ConsentToStore = true,
        Role = ChatRole.Caregiver,
        PatientFirstName = Sentinels.Name,
        Relationship = "daughter",
        PatientAgrees = true,
        Concern = $"The first doctor said {Sentinels.Diagnosis} but was unsure",
        Proposed = "surgery next month",
        PlannedDate = new DateOnly(2026, 12, 14),
        CurrentClinic = "Riverside Clinic",
        Reasons = ["diagnostic-clarity", "treatment-confidence"],
        Questions = [Sentinels.Question + "?", "What happens if we wait?"],
        Records = new Dictionary<string, RecordStatus> { ["imaging"] = RecordStatus.Have, ["pathology"] = RecordStatus.NeedHelp },
        Needs = ["transport"],
        ContactMethods = ["phone", "email"],
        Phone = Sentinels.Phone,
        Email = Sentinels.Email,
        ContactTimes = "weekday mornings",
    };
}
