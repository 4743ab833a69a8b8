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
    public static readonly MessageKey RoleRelationshipReadBack = Key("role.relationshipReadBack", "patientName", "relationship");
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
    public static readonly MessageKey QuestionsOwnTypeIt = Key("questions.ownTypeIt");
    public static readonly MessageKey QuestionsReview = Key("questions.review");
    public static readonly MessageKey QuestionsReviewAsk = Key("questions.reviewAsk");
    public static readonly MessageKey QuestionsRemoveOrChange = Key("questions.removeOrChange", "number");
    public static readonly MessageKey QuestionsRewordAsk = Key("questions.rewordAsk", "number");
    public static readonly MessageKey QuestionsRemoved = Key("questions.removed");
    public static readonly MessageKey QuestionsReworded = Key("questions.reworded");
    public static readonly MessageKey QuestionsFinal = Key("questions.final");
    public static readonly MessageKey QuestionsEmpty = Key("questions.empty");
    public static readonly MessageKey QuestionsForTeam = Key("questions.forTeam");
    public static readonly MessageKey QuestionsCantAnswer = Key("questions.cantAnswer");
    public static readonly MessageKey QuestionsNotedForTeam = Key("questions.notedForTeam");

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
    public static readonly MessageKey SummaryTitle = Key("summary.title");
    public static readonly MessageKey SummaryCheckFirst = Key("summary.checkFirst");
    public static readonly MessageKey SummaryEdit = Key("summary.edit");
    public static readonly MessageKey SummaryEditTooltip = Key("summary.editTooltip", "section");
    public static readonly MessageKey SummaryConfirm = Key("summary.confirm");
    public static readonly MessageKey SummaryNotGiven = Key("summary.notGiven");
    public static readonly MessageKey SummaryNotKnown = Key("summary.notKnown");
    public static readonly MessageKey SummaryYes = Key("summary.yes");
    public static readonly MessageKey SummaryNo = Key("summary.no");
    public static readonly MessageKey SummaryHeadingsRole = Key("summary.headings.role");
    public static readonly MessageKey SummaryHeadingsSituation = Key("summary.headings.situation");
    public static readonly MessageKey SummaryHeadingsReasons = Key("summary.headings.reasons");
    public static readonly MessageKey SummaryHeadingsQuestions = Key("summary.headings.questions");
    public static readonly MessageKey SummaryHeadingsRecords = Key("summary.headings.records");
    public static readonly MessageKey SummaryHeadingsNeeds = Key("summary.headings.needs");
    public static readonly MessageKey SummaryHeadingsUrgency = Key("summary.headings.urgency");
    public static readonly MessageKey SummaryHeadingsContact = Key("summary.headings.contact");
    public static readonly MessageKey SummaryRolePatient = Key("summary.rolePatient");
    public static readonly MessageKey SummaryRoleCaregiver = Key("summary.roleCaregiver");
    public static readonly MessageKey SummaryPatientName = Key("summary.patientName");
    public static readonly MessageKey SummaryRelationship = Key("summary.relationship");
    public static readonly MessageKey SummaryPatientAgrees = Key("summary.patientAgrees");
    public static readonly MessageKey SummaryConcern = Key("summary.concern");
    public static readonly MessageKey SummaryProposed = Key("summary.proposed");
    public static readonly MessageKey SummaryPlannedDate = Key("summary.plannedDate");
    public static readonly MessageKey SummaryCurrentClinic = Key("summary.currentClinic");
    public static readonly MessageKey SummaryRecordHave = Key("summary.recordHave");
    public static readonly MessageKey SummaryRecordNeedHelp = Key("summary.recordNeedHelp");
    public static readonly MessageKey SummaryRecordNotApplicable = Key("summary.recordNotApplicable");
    public static readonly MessageKey SummaryUrgencyRoutine = Key("summary.urgencyRoutine");
    public static readonly MessageKey SummaryUrgencyChangingFast = Key("summary.urgencyChangingFast");
    public static readonly MessageKey SummaryUrgencyEmergency = Key("summary.urgencyEmergency");
    public static readonly MessageKey SummaryContactMethods = Key("summary.contactMethods");
    public static readonly MessageKey SummaryPhone = Key("summary.phone");
    public static readonly MessageKey SummaryEmail = Key("summary.email");
    public static readonly MessageKey SummaryContactTimes = Key("summary.contactTimes");
    public static readonly MessageKey SummaryConfirmAsk = Key("summary.confirmAsk");
    public static readonly MessageKey SummaryChangeAsk = Key("summary.changeAsk");

    public static readonly MessageKey PrepSheetTitle = Key("prepSheet.title");
    public static readonly MessageKey PrepSheetIntro = Key("prepSheet.intro");
    public static readonly MessageKey PrepSheetReference = Key("prepSheet.reference");
    public static readonly MessageKey PrepSheetReasonsHeading = Key("prepSheet.reasonsHeading");
    public static readonly MessageKey PrepSheetQuestionsHeading = Key("prepSheet.questionsHeading");
    public static readonly MessageKey PrepSheetRecordsHeading = Key("prepSheet.recordsHeading");
    public static readonly MessageKey PrepSheetRecordHave = Key("prepSheet.recordHave");
    public static readonly MessageKey PrepSheetRecordNeedHelp = Key("prepSheet.recordNeedHelp");
    public static readonly MessageKey PrepSheetRecordNotApplicable = Key("prepSheet.recordNotApplicable");
    public static readonly MessageKey PrepSheetUsuallyFrom = Key("prepSheet.usuallyFrom");
    public static readonly MessageKey PrepSheetDatesHeading = Key("prepSheet.datesHeading");
    public static readonly MessageKey PrepSheetPlannedDate = Key("prepSheet.plannedDate");
    public static readonly MessageKey PrepSheetCaseSent = Key("prepSheet.caseSent");
    public static readonly MessageKey PrepSheetNothingYet = Key("prepSheet.nothingYet");
    public static readonly MessageKey PrepSheetFooter = Key("prepSheet.footer", "emergencyNumber");
    public static readonly MessageKey PrepSheetLinkGoneTitle = Key("prepSheet.linkGoneTitle");
    public static readonly MessageKey PrepSheetLinkGoneText = Key("prepSheet.linkGoneText");

    public static readonly MessageKey WebChatTitle = Key("webChat.title");
    public static readonly MessageKey WebChatChatLabel = Key("webChat.chatLabel");
    public static readonly MessageKey WebChatUnavailable = Key("webChat.unavailable");
    public static readonly MessageKey WebChatConnectionLost = Key("webChat.connectionLost");

    public static readonly MessageKey StoredDataIntro = Key("storedData.intro");
    public static readonly MessageKey StoredDataNothing = Key("storedData.nothing");
    public static readonly MessageKey StoredDataOutro = Key("storedData.outro");
    public static readonly MessageKey StoredDataNoFields = Key("storedData.noFields");
    public static readonly MessageKey StoredDataLinesAnswers = Key("storedData.lines.answers", "fields");
    public static readonly MessageKey StoredDataLinesConversationPosition = Key("storedData.lines.conversationPosition");
    public static readonly MessageKey StoredDataLinesCase = Key("storedData.lines.case", "reference", "fields");
    public static readonly MessageKey StoredDataLinesPrepSheetLinks = Key("storedData.lines.prepSheetLinks", "count", "until");
    public static readonly MessageKey StoredDataLinesWebChatTranscript = Key("storedData.lines.webChatTranscript", "count");
    public static readonly MessageKey StoredDataLinesPendingMessages = Key("storedData.lines.pendingMessages", "count");
    public static readonly MessageKey WebChatForgetDevice = Key("webChat.forgetDevice");
    public static readonly MessageKey StoredDataLinesCaseMessages = Key("storedData.lines.caseMessages", "count");
    public static readonly MessageKey StoredDataFieldsRole = Key("storedData.fields.role");
    public static readonly MessageKey StoredDataFieldsPatientFirstName = Key("storedData.fields.patientFirstName");
    public static readonly MessageKey StoredDataFieldsRelationship = Key("storedData.fields.relationship");
    public static readonly MessageKey StoredDataFieldsPatientAgrees = Key("storedData.fields.patientAgrees");
    public static readonly MessageKey StoredDataFieldsConcern = Key("storedData.fields.concern");
    public static readonly MessageKey StoredDataFieldsProposed = Key("storedData.fields.proposed");
    public static readonly MessageKey StoredDataFieldsPlannedDate = Key("storedData.fields.plannedDate");
    public static readonly MessageKey StoredDataFieldsCurrentClinic = Key("storedData.fields.currentClinic");
    public static readonly MessageKey StoredDataFieldsReasons = Key("storedData.fields.reasons");
    public static readonly MessageKey StoredDataFieldsQuestions = Key("storedData.fields.questions");
    public static readonly MessageKey StoredDataFieldsRecords = Key("storedData.fields.records");
    public static readonly MessageKey StoredDataFieldsNeeds = Key("storedData.fields.needs");
    public static readonly MessageKey StoredDataFieldsUrgency = Key("storedData.fields.urgency");
    public static readonly MessageKey StoredDataFieldsContactMethods = Key("storedData.fields.contactMethods");
    public static readonly MessageKey StoredDataFieldsPhone = Key("storedData.fields.phone");
    public static readonly MessageKey StoredDataFieldsEmail = Key("storedData.fields.email");
    public static readonly MessageKey StoredDataFieldsContactTimes = Key("storedData.fields.contactTimes");
    public static readonly MessageKey StoredDataFieldsTeamQuestions = Key("storedData.fields.teamQuestions");

    public static readonly MessageKey HandoffSent = Key("handoff.sent", "reference", "queueName", "when");
    public static readonly MessageKey HandoffWhenNormal = Key("handoff.whenNormal");
    public static readonly MessageKey HandoffWhenUrgent = Key("handoff.whenUrgent");
    public static readonly MessageKey HandoffNotNow = Key("handoff.notNow");
    public static readonly MessageKey HandoffFailed = Key("handoff.failed");
    public static readonly MessageKey HandoffClaimed = Key("handoff.claimed", "staffName", "queueName", "reference", "how", "when");
    public static readonly MessageKey HandoffContactByPhone = Key("handoff.contactBy.phone");
    public static readonly MessageKey HandoffContactByEmail = Key("handoff.contactBy.email");
    public static readonly MessageKey HandoffContactByTeams = Key("handoff.contactBy.teams");
    public static readonly MessageKey HandoffContactByWebChat = Key("handoff.contactBy.webchat");
    public static readonly MessageKey HandoffResolved = Key("handoff.resolved", "staffName", "reference", "outcome");
    public static readonly MessageKey HandoffMessageReceived = Key("handoff.messageReceived", "reference", "open", "close", "emergencyNumber", "crisisLine");
    public static readonly MessageKey HandoffReopenAsk = Key("handoff.reopenAsk", "reference");
    public static readonly MessageKey HandoffReopened = Key("handoff.reopened", "reference");
    public static readonly MessageKey HandoffNewPlan = Key("handoff.newPlan");
    public static readonly MessageKey HandoffTalkToPersonOpenCase = Key("handoff.talkToPersonOpenCase", "reference");
    public static readonly MessageKey HandoffWithdrawAsk = Key("handoff.withdrawAsk", "reference");
    public static readonly MessageKey HandoffWithdrawn = Key("handoff.withdrawn", "reference");
    public static readonly MessageKey HandoffDeleteAskOpenCase = Key("handoff.deleteAskOpenCase", "reference");
    public static readonly MessageKey HandoffFromStaff = Key("handoff.fromStaff", "staffName", "queueName", "text");
    public static readonly MessageKey HandoffOutcomeSecondOpinionArranged = Key("handoff.outcomes.secondOpinionArranged");
    public static readonly MessageKey HandoffOutcomeRecordsGathered = Key("handoff.outcomes.recordsGathered");
    public static readonly MessageKey HandoffOutcomeSupportArranged = Key("handoff.outcomes.supportArranged");
    public static readonly MessageKey HandoffOutcomeReferredElsewhere = Key("handoff.outcomes.referredElsewhere");
    public static readonly MessageKey HandoffOutcomeCouldNotReach = Key("handoff.outcomes.couldNotReach");
    public static readonly MessageKey HandoffOutcomeNoLongerNeeded = Key("handoff.outcomes.noLongerNeeded");

    public static readonly MessageKey CommandsHelp = Key("commands.help");
    public static readonly MessageKey CommandsTerms = Key("commands.terms", "link");
    public static readonly MessageKey CommandsPrivacy = Key("commands.privacy", "link");
    public static readonly MessageKey CommandsHelpResume = Key("commands.helpResume");
    public static readonly MessageKey CommandsCancelAsk = Key("commands.cancelAsk");
    public static readonly MessageKey CommandsCancelled = Key("commands.cancelled");
    public static readonly MessageKey CommandsCancelKept = Key("commands.cancelKept");
    public static readonly MessageKey CommandsTalkToPerson = Key("commands.talkToPerson");
    public static readonly MessageKey CommandsTalkToPersonNext = Key("commands.talkToPersonNext");
    public static readonly MessageKey CommandsTalkToPersonNeedsConsent = Key("commands.talkToPersonNeedsConsent");
    public static readonly MessageKey CommandsStatus = Key("commands.status", "reference", "status", "nextStep");
    public static readonly MessageKey CommandsStatusNone = Key("commands.statusNone");
    public static readonly MessageKey CommandsDeleteAsk = Key("commands.deleteAsk");
    public static readonly MessageKey CommandsDeleted = Key("commands.deleted");
    public static readonly MessageKey CommandsDeleteKept = Key("commands.deleteKept");

    public static readonly MessageKey StatusWaiting = Key("status.waiting");
    public static readonly MessageKey StatusClaimed = Key("status.claimed", "staffName");
    public static readonly MessageKey StatusResolved = Key("status.resolved");
    public static readonly MessageKey StatusNextWaiting = Key("status.nextWaiting");
    public static readonly MessageKey StatusNextClaimed = Key("status.nextClaimed");
    public static readonly MessageKey StatusNextResolved = Key("status.nextResolved");

    public static readonly MessageKey EmergencyMedical = Key("emergency.medical", "emergencyNumber");
    public static readonly MessageKey EmergencySelfHarm = Key("emergency.selfHarm", "crisisLine", "emergencyNumber");
    public static readonly MessageKey EmergencySelfHarmNote = Key("emergency.selfHarmNote", "crisisLine");
    public static readonly MessageKey EmergencyResume = Key("emergency.resume");
    public static readonly MessageKey EmergencyResumed = Key("emergency.resumed");

    public static readonly MessageKey ErrorsPickOne = Key("errors.pickOne");
    public static readonly MessageKey ErrorsYesOrNo = Key("errors.yesOrNo");
    public static readonly MessageKey ErrorsTooManyTries = Key("errors.tooManyTries");
    public static readonly MessageKey ErrorsNotKnown = Key("errors.notKnown");
    public static readonly MessageKey ErrorsGeneral = Key("errors.general");
    public static readonly MessageKey ErrorsTurnFailed = Key("errors.turnFailed", "reference");

    public static readonly MessageKey TextTooLong = Key("text.tooLong", "maxLength");
    public static readonly MessageKey TextNumbered = Key("text.numbered", "number", "text");


    public static readonly MessageKey GlossaryExplain = Key("glossary.explain", "term", "explanation");
    public static readonly MessageKey FaqAnswer = Key("faq.answer", "answer");

    public static readonly MessageKey EngineYesLabel = Key("engine.yesLabel");
    public static readonly MessageKey EngineNoLabel = Key("engine.noLabel");
    public static readonly MessageKey EngineNotSureLabel = Key("engine.notSureLabel");
    public static readonly MessageKey EngineSubmitLabel = Key("engine.submitLabel");
    public static readonly MessageKey EngineSkipLabel = Key("engine.skipLabel");
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
