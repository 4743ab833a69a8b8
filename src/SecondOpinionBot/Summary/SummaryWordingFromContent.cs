using SecondOpinionBot.Content;

namespace SecondOpinionBot.Summary;

/// <summary>The summary card's words, from messages.yaml, so none of them live in C#.</summary>
public static class SummaryWordingFromContent
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
}
