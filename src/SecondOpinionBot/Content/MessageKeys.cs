namespace SecondOpinionBot.Content;

/// <summary>
/// Every message key the code uses, with the placeholders it fills. Startup fails if dialogs/ lacks one of these
/// or a message uses a placeholder not listed here. Add a key here before using it in code.
/// </summary>
public static class MessageKeys
{
    private static readonly List<MessageKey> Keys = [];

    /// <summary>All keys declared below; validated against each language folder at load.</summary>
    public static IReadOnlyList<MessageKey> All => Keys;

    public static readonly MessageKey WelcomeIntro = Key("welcome.intro");
    public static readonly MessageKey WelcomeWhatIDo = Key("welcome.whatIDo");
    public static readonly MessageKey WelcomeWhatIDoNot = Key("welcome.whatIDoNot", "emergencyNumber");
    public static readonly MessageKey WelcomeWhoSees = Key("welcome.whoSees");
    public static readonly MessageKey WelcomeConsentAsk = Key("welcome.consentAsk");
    public static readonly MessageKey WelcomeConsentYes = Key("welcome.consentYes");
    public static readonly MessageKey WelcomeConsentNo = Key("welcome.consentNo");
    public static readonly MessageKey WelcomeDeclinedEnd = Key("welcome.declinedEnd");
    public static readonly MessageKey WelcomeReturning = Key("welcome.returning");
    public static readonly MessageKey WelcomeResumed = Key("welcome.resumed");
    public static readonly MessageKey WelcomeStartedOver = Key("welcome.startedOver");

    public static readonly MessageKey RoleAsk = Key("role.ask");
    public static readonly MessageKey RolePatientName = Key("role.patientName");
    public static readonly MessageKey RoleRelationship = Key("role.relationship", "patientName");
    public static readonly MessageKey RolePatientAgrees = Key("role.patientAgrees", "patientName");
    public static readonly MessageKey RolePatientDisagrees = Key("role.patientDisagrees", "patientName");
    public static readonly MessageKey RoleThanksCaregiver = Key("role.thanksCaregiver", "patientName");

    public static readonly MessageKey SituationIntro = Key("situation.intro");
    public static readonly MessageKey SituationDiagnosis = Key("situation.diagnosis");
    public static readonly MessageKey SituationProposed = Key("situation.proposed");
    public static readonly MessageKey SituationProposedDetail = Key("situation.proposedDetail");
    public static readonly MessageKey SituationDateAsk = Key("situation.dateAsk");
    public static readonly MessageKey SituationDateReadBack = Key("situation.dateReadBack", "date");
    public static readonly MessageKey SituationDateNotUnderstood = Key("situation.dateNotUnderstood");
    public static readonly MessageKey SituationDateSoon = Key("situation.dateSoon");
    public static readonly MessageKey SituationClinic = Key("situation.clinic");
    public static readonly MessageKey SituationSymptomsAsk = Key("situation.symptomsAsk");
    public static readonly MessageKey SituationSymptomsFast = Key("situation.symptomsFast", "emergencyNumber");

    public static readonly MessageKey ReasonsIntro = Key("reasons.intro");
    public static readonly MessageKey ReasonsShowReason = Key("reasons.showReason", "title", "explanation");
    public static readonly MessageKey ReasonsAskFits = Key("reasons.askFits", "question");
    public static readonly MessageKey ReasonsChosen = Key("reasons.chosen");
    public static readonly MessageKey ReasonsNotChosen = Key("reasons.notChosen");
    public static readonly MessageKey ReasonsNotSureIntro = Key("reasons.notSureIntro");
    public static readonly MessageKey ReasonsSuggestion = Key("reasons.suggestion", "title", "because");
    public static readonly MessageKey ReasonsSuggestionAsk = Key("reasons.suggestionAsk");
    public static readonly MessageKey ReasonsNoSuggestion = Key("reasons.noSuggestion");
    public static readonly MessageKey ReasonsSummary = Key("reasons.summary", "reasons");
    public static readonly MessageKey ReasonsNoneChosen = Key("reasons.noneChosen");

    public static readonly MessageKey QuestionsIntro = Key("questions.intro");
    public static readonly MessageKey QuestionsNoneSuggested = Key("questions.noneSuggested");
    public static readonly MessageKey QuestionsOwnAsk = Key("questions.ownAsk");
    public static readonly MessageKey QuestionsAdded = Key("questions.added");
    public static readonly MessageKey QuestionsReview = Key("questions.review");
    public static readonly MessageKey QuestionsReviewAsk = Key("questions.reviewAsk");
    public static readonly MessageKey QuestionsRemoveOrChange = Key("questions.removeOrChange", "number");
    public static readonly MessageKey QuestionsRewordAsk = Key("questions.rewordAsk", "number");
    public static readonly MessageKey QuestionsRemoved = Key("questions.removed");
    public static readonly MessageKey QuestionsReworded = Key("questions.reworded");
    public static readonly MessageKey QuestionsFinal = Key("questions.final");
    public static readonly MessageKey QuestionsEmpty = Key("questions.empty");

    public static readonly MessageKey RecordsIntro = Key("records.intro");
    public static readonly MessageKey RecordsItemAsk = Key("records.itemAsk", "item", "why", "source");
    public static readonly MessageKey RecordsHave = Key("records.have");
    public static readonly MessageKey RecordsNeedHelp = Key("records.needHelp");
    public static readonly MessageKey RecordsNotApplicable = Key("records.notApplicable");
    public static readonly MessageKey RecordsSummary = Key("records.summary", "haveCount", "needHelpCount");
    public static readonly MessageKey RecordsTip = Key("records.tip");

    public static readonly MessageKey NeedsAsk = Key("needs.ask");
    public static readonly MessageKey NeedsOtherAsk = Key("needs.otherAsk");
    public static readonly MessageKey NeedsNoneAck = Key("needs.noneAck");
    public static readonly MessageKey NeedsAck = Key("needs.ack");

    public static readonly MessageKey ContactMethodAsk = Key("contact.methodAsk");
    public static readonly MessageKey ContactPhoneAsk = Key("contact.phoneAsk");
    public static readonly MessageKey ContactPhoneInvalid = Key("contact.phoneInvalid");
    public static readonly MessageKey ContactEmailAsk = Key("contact.emailAsk");
    public static readonly MessageKey ContactEmailInvalid = Key("contact.emailInvalid");
    public static readonly MessageKey ContactTimesAsk = Key("contact.timesAsk");
    public static readonly MessageKey ContactTimesReadBack = Key("contact.timesReadBack", "times");
    public static readonly MessageKey ContactTimesNotUnderstood = Key("contact.timesNotUnderstood");

    public static readonly MessageKey SummaryIntro = Key("summary.intro");
    public static readonly MessageKey SummaryHeading = Key("summary.heading");
    public static readonly MessageKey SummaryPatient = Key("summary.patient");
    public static readonly MessageKey SummarySituation = Key("summary.situation");
    public static readonly MessageKey SummaryProposed = Key("summary.proposed");
    public static readonly MessageKey SummaryDate = Key("summary.date");
    public static readonly MessageKey SummaryClinic = Key("summary.clinic");
    public static readonly MessageKey SummaryReasons = Key("summary.reasons");
    public static readonly MessageKey SummaryQuestions = Key("summary.questions");
    public static readonly MessageKey SummaryRecordsHave = Key("summary.recordsHave");
    public static readonly MessageKey SummaryRecordsNeedHelp = Key("summary.recordsNeedHelp");
    public static readonly MessageKey SummaryNeeds = Key("summary.needs");
    public static readonly MessageKey SummaryContact = Key("summary.contact");
    public static readonly MessageKey SummaryUrgent = Key("summary.urgent");
    public static readonly MessageKey SummaryNotGiven = Key("summary.notGiven");
    public static readonly MessageKey SummaryConfirmAsk = Key("summary.confirmAsk");
    public static readonly MessageKey SummaryChangeAsk = Key("summary.changeAsk");

    public static readonly MessageKey HandoffSent = Key("handoff.sent", "reference", "queueName", "when");
    public static readonly MessageKey HandoffWhenNormal = Key("handoff.whenNormal");
    public static readonly MessageKey HandoffWhenUrgent = Key("handoff.whenUrgent");
    public static readonly MessageKey HandoffNotNow = Key("handoff.notNow");
    public static readonly MessageKey HandoffFailed = Key("handoff.failed");
    public static readonly MessageKey HandoffClaimed = Key("handoff.claimed", "staffName", "reference");
    public static readonly MessageKey HandoffResolved = Key("handoff.resolved", "reference");

    public static readonly MessageKey CommandsHelp = Key("commands.help");
    public static readonly MessageKey CommandsHelpResume = Key("commands.helpResume");
    public static readonly MessageKey CommandsCancelAsk = Key("commands.cancelAsk");
    public static readonly MessageKey CommandsCancelled = Key("commands.cancelled");
    public static readonly MessageKey CommandsCancelKept = Key("commands.cancelKept");
    public static readonly MessageKey CommandsTalkToPerson = Key("commands.talkToPerson");
    public static readonly MessageKey CommandsStatus = Key("commands.status", "reference", "status", "nextStep");
    public static readonly MessageKey CommandsStatusNone = Key("commands.statusNone");
    public static readonly MessageKey CommandsDeleteAsk = Key("commands.deleteAsk");
    public static readonly MessageKey CommandsDeleted = Key("commands.deleted");
    public static readonly MessageKey CommandsDeleteKept = Key("commands.deleteKept");
    public static readonly MessageKey CommandsWhatIKnow = Key("commands.whatIKnow");
    public static readonly MessageKey CommandsWhatIKnowNothing = Key("commands.whatIKnowNothing");

    public static readonly MessageKey StatusWaiting = Key("status.waiting");
    public static readonly MessageKey StatusClaimed = Key("status.claimed", "staffName");
    public static readonly MessageKey StatusResolved = Key("status.resolved");
    public static readonly MessageKey StatusNextWaiting = Key("status.nextWaiting");
    public static readonly MessageKey StatusNextClaimed = Key("status.nextClaimed");
    public static readonly MessageKey StatusNextResolved = Key("status.nextResolved");

    public static readonly MessageKey EmergencyMedical = Key("emergency.medical", "emergencyNumber");
    public static readonly MessageKey EmergencySelfHarm = Key("emergency.selfHarm", "crisisLine", "emergencyNumber");
    public static readonly MessageKey EmergencyResume = Key("emergency.resume");
    public static readonly MessageKey EmergencyResumed = Key("emergency.resumed");

    public static readonly MessageKey ErrorsNotUnderstood = Key("errors.notUnderstood");
    public static readonly MessageKey ErrorsPickOne = Key("errors.pickOne");
    public static readonly MessageKey ErrorsYesOrNo = Key("errors.yesOrNo");
    public static readonly MessageKey ErrorsTooManyTries = Key("errors.tooManyTries");
    public static readonly MessageKey ErrorsGeneral = Key("errors.general");
    public static readonly MessageKey ErrorsCardOnly = Key("errors.cardOnly");

    public static readonly MessageKey TextTooLong = Key("text.tooLong", "maxLength");
    public static readonly MessageKey TextSkipHint = Key("text.skipHint");
    public static readonly MessageKey TextNumbered = Key("text.numbered", "number", "text");

    public static readonly MessageKey GlossaryExplain = Key("glossary.explain", "term", "explanation");

    public static readonly MessageKey EngineYesLabel = Key("engine.yesLabel");
    public static readonly MessageKey EngineNoLabel = Key("engine.noLabel");
    public static readonly MessageKey EngineNotSureLabel = Key("engine.notSureLabel");
    public static readonly MessageKey EngineSubmitLabel = Key("engine.submitLabel");
    public static readonly MessageKey EngineSkipLabel = Key("engine.skipLabel");
    public static readonly MessageKey EngineDoneLabel = Key("engine.doneLabel");
    public static readonly MessageKey EngineDateReadBack = Key("engine.dateReadBack", "date");
    public static readonly MessageKey EngineStaleCard = Key("engine.staleCard");
    public static readonly MessageKey EngineRestarted = Key("engine.restarted");

    private static MessageKey Key(string name, params string[] placeholders)
    {
        var key = new MessageKey(name, placeholders);
        Keys.Add(key);
        return key;
    }
}
