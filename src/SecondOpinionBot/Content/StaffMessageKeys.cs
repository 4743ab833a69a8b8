namespace SecondOpinionBot.Content;

/// <summary>
/// The keys of dialogs/&lt;culture&gt;/staff.yaml (what the care team reads), with the placeholders the code fills.
/// Checked at startup with <see cref="MessageKeys"/>: a missing key or an unknown placeholder stops the bot.
/// </summary>
public static class StaffMessageKeys
{
    private static readonly List<MessageKey> Keys = [];

    public static IReadOnlyList<MessageKey> All => Keys;

    public static readonly MessageKey RefusalPatientConversation = Key("staff.refusal.patientConversation");
    public static readonly MessageKey RefusalNotTeams = Key("staff.refusal.notTeams");
    public static readonly MessageKey RefusalNoTenantConfigured = Key("staff.refusal.noTenantConfigured");
    public static readonly MessageKey RefusalWrongTenant = Key("staff.refusal.wrongTenant");
    public static readonly MessageKey RefusalNotAllowListed = Key("staff.refusal.notAllowListed");
    public static readonly MessageKey RefusalBindingNotConfigured = Key("staff.refusal.bindingNotConfigured");
    public static readonly MessageKey RefusalNotStandardChannel = Key("staff.refusal.notStandardChannel");
    public static readonly MessageKey RefusalQueueBoundElsewhere = Key("staff.refusal.queueBoundElsewhere", "queue");
    public static readonly MessageKey RefusalNotTeamChannel = Key("staff.refusal.notTeamChannel");
    public static readonly MessageKey RefusalNotBoundChannel = Key("staff.refusal.notBoundChannel");
    public static readonly MessageKey RefusalNotAssignee = Key("staff.refusal.notAssignee");
    public static readonly MessageKey RefusalUnreadable = Key("staff.refusal.unreadable");
    public static readonly MessageKey RefusalMalformedAction = Key("staff.refusal.malformedAction");
    public static readonly MessageKey RefusalNotTeamMember = Key("staff.refusal.notTeamMember");
    public static readonly MessageKey RefusalRosterUnavailable = Key("staff.refusal.rosterUnavailable");
    public static readonly MessageKey RefusalDetailsAssigneeOnly = Key("staff.refusal.detailsAssigneeOnly");
    public static readonly MessageKey RefusalMessageNotAssignee = Key("staff.refusal.messageNotAssignee");
    public static readonly MessageKey RefusalPatientDataDeleted = Key("staff.refusal.patientDataDeleted");
    public static readonly MessageKey RefusalUnknownCase = Key("staff.refusal.unknownCase");
    public static readonly MessageKey RefusalMoveNotBound = Key("staff.refusal.moveNotBound", "queueName", "queue");

    public static readonly MessageKey PersonalChatHelp = Key("staff.personalChat.help", "firstName");
    public static readonly MessageKey PersonalChatSomeone = Key("staff.personalChat.someone");

    public static readonly MessageKey CommandsHelp = Key("staff.commands.help");
    public static readonly MessageKey CommandsWhichQueue = Key("staff.commands.whichQueue");
    public static readonly MessageKey CommandsWhichCase = Key("staff.commands.whichCase");
    public static readonly MessageKey CommandsBound = Key("staff.commands.bound", "queueName");
    public static readonly MessageKey CommandsMovedAway = Key("staff.commands.movedAway", "who", "queueName");
    public static readonly MessageKey CommandsMoveRefused = Key("staff.commands.moveRefused", "who", "queueName", "queue");
    public static readonly MessageKey CommandsMoveReady = Key("staff.commands.moveReady", "minutes", "queueName", "queue");
    public static readonly MessageKey CommandsMoveReadyNotice = Key("staff.commands.moveReadyNotice", "who", "queueName", "minutes");
    public static readonly MessageKey CommandsMovedFrom = Key("staff.commands.movedFrom", "queueName");
    public static readonly MessageKey CommandsNotSetUp = Key("staff.commands.notSetUp");
    public static readonly MessageKey CommandsListHeadingOne = Key("staff.commands.listHeadingOne", "queueName");
    public static readonly MessageKey CommandsListHeadingMany = Key("staff.commands.listHeadingMany", "queueName", "count");
    public static readonly MessageKey CommandsListLine = Key("staff.commands.listLine", "index", "reference", "priority", "waiting", "state");
    public static readonly MessageKey CommandsListFooter = Key("staff.commands.listFooter");

    public static readonly MessageKey WordsUrgent = Key("staff.words.urgent");
    public static readonly MessageKey WordsRoutine = Key("staff.words.routine");
    public static readonly MessageKey WordsSomeone = Key("staff.words.someone");
    public static readonly MessageKey WordsColleague = Key("staff.words.colleague");
    public static readonly MessageKey WordsTheChannel = Key("staff.words.theChannel");
    public static readonly MessageKey WordsClaimedBy = Key("staff.words.claimedBy", "name");
    public static readonly MessageKey WordsNew = Key("staff.words.new");
    public static readonly MessageKey WordsTransferred = Key("staff.words.transferred");
    public static readonly MessageKey WordsReopened = Key("staff.words.reopened");

    public static readonly MessageKey ActionsClaimedLine = Key("staff.actions.claimedLine", "name");
    public static readonly MessageKey ActionsTookOverLine = Key("staff.actions.tookOverLine", "name", "previous");
    public static readonly MessageKey ActionsTookOverNotice = Key("staff.actions.tookOverNotice", "name", "reference");
    public static readonly MessageKey ActionsTookOverNote = Key("staff.actions.tookOverNote", "previous");
    public static readonly MessageKey ActionsResolvedLine = Key("staff.actions.resolvedLine", "name", "outcome");
    public static readonly MessageKey ActionsOnlyAssigneeResolves = Key("staff.actions.onlyAssigneeResolves", "assignee");
    public static readonly MessageKey ActionsChooseOutcome = Key("staff.actions.chooseOutcome");
    public static readonly MessageKey ActionsAlreadyClaimed = Key("staff.actions.alreadyClaimed", "name");
    public static readonly MessageKey ActionsAlreadyResolved = Key("staff.actions.alreadyResolved", "name");
    public static readonly MessageKey ActionsWithdrawn = Key("staff.actions.withdrawn");
    public static readonly MessageKey ActionsOutOfDate = Key("staff.actions.outOfDate");

    public static readonly MessageKey MessageWriteFirst = Key("staff.message.writeFirst");
    public static readonly MessageKey MessageTooLong = Key("staff.message.tooLong", "length", "max");
    public static readonly MessageKey MessageCaseClosed = Key("staff.message.caseClosed");
    public static readonly MessageKey MessageSent = Key("staff.message.sent");
    public static readonly MessageKey MessageSentKept = Key("staff.message.sentKept");
    public static readonly MessageKey MessageSentLine = Key("staff.message.sentLine", "name");

    public static readonly MessageKey EventsPatientMessageLine = Key("staff.events.patientMessageLine");
    public static readonly MessageKey EventsPatientMessageNotice = Key("staff.events.patientMessageNotice", "reference");
    public static readonly MessageKey EventsEmergencyLine = Key("staff.events.emergencyLine");
    public static readonly MessageKey EventsEmergencyNotice = Key("staff.events.emergencyNotice", "reference");
    public static readonly MessageKey EventsTalkToPersonLine = Key("staff.events.talkToPersonLine");
    public static readonly MessageKey EventsTalkToPersonNotice = Key("staff.events.talkToPersonNotice", "reference");
    public static readonly MessageKey EventsReopenedLine = Key("staff.events.reopenedLine");
    public static readonly MessageKey EventsWithdrawnLine = Key("staff.events.withdrawnLine");
    public static readonly MessageKey EventsErasedOpenLine = Key("staff.events.erasedOpenLine");
    public static readonly MessageKey EventsErasedClosedLine = Key("staff.events.erasedClosedLine");
    public static readonly MessageKey EventsAfterHoursNotice = Key("staff.events.afterHoursNotice", "reference", "queueName");

    private static MessageKey Key(string name, params string[] placeholders)
    {
        var key = new MessageKey(name, placeholders);
        Keys.Add(key);
        return key;
    }
}
