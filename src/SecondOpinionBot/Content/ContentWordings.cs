using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Summary;

namespace SecondOpinionBot.Content;

/// <summary>
/// The wording records other features take (summary card, prep sheet, "what do you know about me", choice titles),
/// filled from content so none of their words live in C#.
/// </summary>
public static class ContentWordings
{
    public static SummaryCardText SummaryCardText(this ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var m = content.Messages;
        return new SummaryCardText
        {
            Title = m.Get(MessageKeys.SummaryTitle),
            Intro = m.Get(MessageKeys.SummaryCheckFirst),
            Edit = m.Get(MessageKeys.SummaryEdit),
            ChangeAsk = m.Get(MessageKeys.SummaryChangeAsk),
            EditTooltip = m.Get(MessageKeys.SummaryEditTooltip),
            Confirm = m.Get(MessageKeys.SummaryConfirm),
            NotGiven = m.Get(MessageKeys.SummaryNotGiven),
            NotKnown = m.Get(MessageKeys.SummaryNotKnown),
            Yes = m.Get(MessageKeys.SummaryYes),
            No = m.Get(MessageKeys.SummaryNo),
            Headings = Enum.GetValues<SummarySection>().ToDictionary(s => s, s => m.Get(Heading(s))),
            RolePatient = m.Get(MessageKeys.SummaryRolePatient),
            RoleCaregiver = m.Get(MessageKeys.SummaryRoleCaregiver),
            PatientNameLabel = m.Get(MessageKeys.SummaryPatientName),
            RelationshipLabel = m.Get(MessageKeys.SummaryRelationship),
            PatientAgreesLabel = m.Get(MessageKeys.SummaryPatientAgrees),
            ConcernLabel = m.Get(MessageKeys.SummaryConcern),
            ProposedLabel = m.Get(MessageKeys.SummaryProposed),
            PlannedDateLabel = m.Get(MessageKeys.SummaryPlannedDate),
            CurrentClinicLabel = m.Get(MessageKeys.SummaryCurrentClinic),
            RecordHave = m.Get(MessageKeys.SummaryRecordHave),
            RecordNeedHelp = m.Get(MessageKeys.SummaryRecordNeedHelp),
            RecordNotApplicable = m.Get(MessageKeys.SummaryRecordNotApplicable),
            UrgencyRoutine = m.Get(MessageKeys.SummaryUrgencyRoutine),
            UrgencyChangingFast = m.Get(MessageKeys.SummaryUrgencyChangingFast),
            UrgencyEmergencyMentioned = m.Get(MessageKeys.SummaryUrgencyEmergency),
            ContactMethodsLabel = m.Get(MessageKeys.SummaryContactMethods),
            PhoneLabel = m.Get(MessageKeys.SummaryPhone),
            EmailLabel = m.Get(MessageKeys.SummaryEmail),
            ContactTimesLabel = m.Get(MessageKeys.SummaryContactTimes),
        };
    }

    /// <param name="emergencyNumber">The deployment's number (EmergencyOptions.Number), named in the footer.</param>
    public static PrepSheetWording PrepSheetWording(this ContentCatalog content, string emergencyNumber)
    {
        ArgumentNullException.ThrowIfNull(content);
        var m = content.Messages;
        return new PrepSheetWording
        {
            Language = content.Culture,
            Title = m.Get(MessageKeys.PrepSheetTitle),
            Intro = m.Get(MessageKeys.PrepSheetIntro),
            ReferenceLabel = m.Get(MessageKeys.PrepSheetReference),
            ForLabel = m.Get(MessageKeys.PrepSheetForLabel),
            ConcernLabel = m.Get(MessageKeys.PrepSheetConcernLabel),
            ProposedLabel = m.Get(MessageKeys.PrepSheetProposedLabel),
            DoctorLabel = m.Get(MessageKeys.PrepSheetDoctorLabel),
            ReachTeamLabel = m.Get(MessageKeys.PrepSheetReachTeamLabel),
            ReachTeam = m.Get(MessageKeys.PrepSheetReachTeam),
            Letters = content.Letters.IsApproved ? content.Letters : null,
            ReasonsHeading = m.Get(MessageKeys.PrepSheetReasonsHeading),
            QuestionsHeading = m.Get(MessageKeys.PrepSheetQuestionsHeading),
            RecordsHeading = m.Get(MessageKeys.PrepSheetRecordsHeading),
            RecordHave = m.Get(MessageKeys.PrepSheetRecordHave),
            RecordNeedHelp = m.Get(MessageKeys.PrepSheetRecordNeedHelp),
            RecordNotApplicable = m.Get(MessageKeys.PrepSheetRecordNotApplicable),
            UsuallyFromLabel = m.Get(MessageKeys.PrepSheetUsuallyFrom),
            DatesHeading = m.Get(MessageKeys.PrepSheetDatesHeading),
            PlannedDateLabel = m.Get(MessageKeys.PrepSheetPlannedDate),
            CaseSentLabel = m.Get(MessageKeys.PrepSheetCaseSent),
            NothingYet = m.Get(MessageKeys.PrepSheetNothingYet),
            Footer = m.Format(MessageKeys.PrepSheetFooter, ("emergencyNumber", emergencyNumber)),
        };
    }

    public static StoredDataWording StoredDataWording(this ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var m = content.Messages;
        return new StoredDataWording
        {
            Intro = m.Get(MessageKeys.StoredDataIntro),
            Nothing = m.Get(MessageKeys.StoredDataNothing),
            Outro = m.Get(MessageKeys.StoredDataOutro),
            NoFields = m.Get(MessageKeys.StoredDataNoFields),
            Lines = Enum.GetValues<StoredDataCategory>().ToDictionary(c => c, c => m.Get(Line(c))),
            FieldNames = FieldKeys.ToDictionary(f => f.Field, f => m.Get(f.Key), StringComparer.Ordinal),
        };
    }

    /// <summary>Titles and one-line explanations for reasons (summary), records (where from), needs, contact methods, relationships and authority.</summary>
    public static ChoiceCatalog ChoiceCatalog(this ContentCatalog content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ChoiceCatalog(
            content.Reasons.ToDictionary(r => r.Id, r => new ChoiceText(r.Title, r.Summary), StringComparer.Ordinal),
            content.Records.ToDictionary(r => r.Id, r => new ChoiceText(r.Item, r.Source), StringComparer.Ordinal),
            content.Needs.ToDictionary(n => n.Id, n => new ChoiceText(n.Label, n.Description), StringComparer.Ordinal),
            Labels(content, ChoiceSetIds.ContactMethod),
            Labels(content, ChoiceSetIds.Relationship),
            Labels(content, ChoiceSetIds.ProxyAuthority));
    }

    private static Dictionary<string, ChoiceText> Labels(ContentCatalog content, string choiceSetId) =>
        content.Choices(choiceSetId).Choices.ToDictionary(c => c.Id, c => new ChoiceText(c.Label), StringComparer.Ordinal);

    private static MessageKey Heading(SummarySection section) => section switch
    {
        SummarySection.Role => MessageKeys.SummaryHeadingsRole,
        SummarySection.Situation => MessageKeys.SummaryHeadingsSituation,
        SummarySection.Reasons => MessageKeys.SummaryHeadingsReasons,
        SummarySection.Questions => MessageKeys.SummaryHeadingsQuestions,
        SummarySection.Records => MessageKeys.SummaryHeadingsRecords,
        SummarySection.Needs => MessageKeys.SummaryHeadingsNeeds,
        SummarySection.Urgency => MessageKeys.SummaryHeadingsUrgency,
        SummarySection.Contact => MessageKeys.SummaryHeadingsContact,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "No heading key for this section."),
    };

    private static MessageKey Line(StoredDataCategory category) => category switch
    {
        StoredDataCategory.Answers => MessageKeys.StoredDataLinesAnswers,
        StoredDataCategory.ConversationPosition => MessageKeys.StoredDataLinesConversationPosition,
        StoredDataCategory.Case => MessageKeys.StoredDataLinesCase,
        StoredDataCategory.PrepSheetLinks => MessageKeys.StoredDataLinesPrepSheetLinks,
        StoredDataCategory.WebChatTranscript => MessageKeys.StoredDataLinesWebChatTranscript,
        StoredDataCategory.PendingMessages => MessageKeys.StoredDataLinesPendingMessages,
        StoredDataCategory.CaseMessages => MessageKeys.StoredDataLinesCaseMessages,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "No line key for this category."),
    };

    private static readonly (string Field, MessageKey Key)[] FieldKeys =
    [
        (IntakeDraftFields.Role, MessageKeys.StoredDataFieldsRole),
        (IntakeDraftFields.PatientFirstName, MessageKeys.StoredDataFieldsPatientFirstName),
        (IntakeDraftFields.Relationship, MessageKeys.StoredDataFieldsRelationship),
        (IntakeDraftFields.PatientAgrees, MessageKeys.StoredDataFieldsPatientAgrees),
        (IntakeDraftFields.Concern, MessageKeys.StoredDataFieldsConcern),
        (IntakeDraftFields.Proposed, MessageKeys.StoredDataFieldsProposed),
        (IntakeDraftFields.PlannedDate, MessageKeys.StoredDataFieldsPlannedDate),
        (IntakeDraftFields.CurrentClinic, MessageKeys.StoredDataFieldsCurrentClinic),
        (IntakeDraftFields.Reasons, MessageKeys.StoredDataFieldsReasons),
        (IntakeDraftFields.Questions, MessageKeys.StoredDataFieldsQuestions),
        (IntakeDraftFields.Records, MessageKeys.StoredDataFieldsRecords),
        (IntakeDraftFields.Needs, MessageKeys.StoredDataFieldsNeeds),
        (IntakeDraftFields.NeedsNote, MessageKeys.StoredDataFieldsNeedsNote),
        (IntakeDraftFields.Urgency, MessageKeys.StoredDataFieldsUrgency),
        (IntakeDraftFields.ContactMethods, MessageKeys.StoredDataFieldsContactMethods),
        (IntakeDraftFields.Phone, MessageKeys.StoredDataFieldsPhone),
        (IntakeDraftFields.Email, MessageKeys.StoredDataFieldsEmail),
        (IntakeDraftFields.ContactTimes, MessageKeys.StoredDataFieldsContactTimes),
        (IntakeDraftFields.TeamQuestions, MessageKeys.StoredDataFieldsTeamQuestions),
    ];
}
