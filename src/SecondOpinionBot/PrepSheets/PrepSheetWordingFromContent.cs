using SecondOpinionBot.Content;

namespace SecondOpinionBot.PrepSheets;

/// <summary>The prep sheet's words, from messages.yaml, so none of them live in C#.</summary>
public static class PrepSheetWordingFromContent
{
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
}
