using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Intake;

/// <summary>"What do you know about me" in words, from messages.yaml: the journey answers it, and it names the case's fields.</summary>
public static class StoredDataWordingFromContent
{
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
        (CaseDetailsFields.Role, MessageKeys.StoredDataFieldsRole),
        (CaseDetailsFields.PatientFirstName, MessageKeys.StoredDataFieldsPatientFirstName),
        (CaseDetailsFields.Relationship, MessageKeys.StoredDataFieldsRelationship),
        (CaseDetailsFields.PatientAgrees, MessageKeys.StoredDataFieldsPatientAgrees),
        (CaseDetailsFields.Concern, MessageKeys.StoredDataFieldsConcern),
        (CaseDetailsFields.Proposed, MessageKeys.StoredDataFieldsProposed),
        (CaseDetailsFields.PlannedDate, MessageKeys.StoredDataFieldsPlannedDate),
        (CaseDetailsFields.CurrentClinic, MessageKeys.StoredDataFieldsCurrentClinic),
        (CaseDetailsFields.Reasons, MessageKeys.StoredDataFieldsReasons),
        (CaseDetailsFields.Questions, MessageKeys.StoredDataFieldsQuestions),
        (CaseDetailsFields.Records, MessageKeys.StoredDataFieldsRecords),
        (CaseDetailsFields.Needs, MessageKeys.StoredDataFieldsNeeds),
        (CaseDetailsFields.NeedsNote, MessageKeys.StoredDataFieldsNeedsNote),
        (CaseDetailsFields.Urgency, MessageKeys.StoredDataFieldsUrgency),
        (CaseDetailsFields.ContactMethods, MessageKeys.StoredDataFieldsContactMethods),
        (CaseDetailsFields.Phone, MessageKeys.StoredDataFieldsPhone),
        (CaseDetailsFields.Email, MessageKeys.StoredDataFieldsEmail),
        (CaseDetailsFields.ContactTimes, MessageKeys.StoredDataFieldsContactTimes),
        (CaseDetailsFields.TeamQuestions, MessageKeys.StoredDataFieldsTeamQuestions),
    ];
}
