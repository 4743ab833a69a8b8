using System.Text.RegularExpressions;

namespace SecondOpinionBot.Commands;

/// <summary>
/// The source of truth for the bot's commands: the router reads it and the Teams packager writes the manifest's
/// commandLists from it. Add a command here and nowhere else.
/// </summary>
public static partial class CommandTable
{
    public static CommandArgument CaseReference { get; } = CommandArgument.Matching("SO-7K3F", CaseReferencePattern());

    public static CommandArgument QueueName { get; } = CommandArgument.OneOf(Content.QueueIds.SocialWork, Content.QueueIds.CareCoordination);

    public static IReadOnlyList<BotCommand> All { get; } =
    [
        new(CommandId.Start, CommandScope.Personal, "start",
            "Begin getting ready for a second opinion.",
            ["start", "begin", "get started"]),
        new(CommandId.Status, CommandScope.Personal, "status",
            "See where your case is and who is helping you.",
            ["status", "my status", "my case"]),
        new(CommandId.Help, CommandScope.Personal, "help",
            "See what I can do and how to reach a person.",
            ["help", "what can you do"]),
        new(CommandId.Back, CommandScope.Personal, "back",
            "Go back to the last question and answer it again.",
            ["back", "go back", "previous question"]),
        new(CommandId.StartOver, CommandScope.Personal, "start over",
            "Clear your answers so far and begin again.",
            ["start over", "restart", "begin again"]),
        new(CommandId.TalkToPerson, CommandScope.Personal, "talk to a person",
            "Ask for someone from the care team to get in touch.",
            ["talk to a person", "talk to someone", "speak to a person"]),
        new(CommandId.WhatDoYouKnow, CommandScope.Personal, "what do you know about me",
            "See what I have saved about you.",
            ["what do you know about me", "show my data"]),
        new(CommandId.DeleteMyData, CommandScope.Personal, "delete my data",
            "Delete everything you told me. I will ask you to confirm first.",
            ["delete my data", "delete my information", "forget me"]),
        new(CommandId.Queue, CommandScope.Team, "queue",
            "List this channel's open cases, most urgent first.",
            ["queue", "open cases"]),
        new(CommandId.Case, CommandScope.Team, "case",
            "Show one case card. Example: case SO-7K3F",
            ["case", "show case"], CaseReference),
        new(CommandId.SetQueue, CommandScope.Team, "set queue",
            "Send this queue's new cases to this channel: set queue social-work or set queue care-coordination",
            ["set queue", "bind queue"], QueueName),
        new(CommandId.MoveQueue, CommandScope.Team, "move queue",
            "From the channel a queue posts in: let another channel take it with set queue. Example: move queue social-work",
            ["move queue"], QueueName),
        new(CommandId.Assign, CommandScope.Team, "assign",
            "Give a case to a colleague in this team: assign SO-7K3F @name",
            ["assign"], CaseReference),
        new(CommandId.Unassign, CommandScope.Team, "unassign",
            "Put a case back in the queue for anyone to claim: unassign SO-7K3F",
            ["unassign"], CaseReference),
        new(CommandId.Transfer, CommandScope.Team, "transfer",
            "Pass a case to the other queue with a handover note: transfer SO-7K3F what they need to know",
            ["transfer"], CaseReference),
        new(CommandId.Reopen, CommandScope.Team, "reopen",
            "Open a resolved case again: reopen SO-7K3F",
            ["reopen"], CaseReference),
        new(CommandId.Note, CommandScope.Team, "note",
            "Keep an internal note with a case (shown in Details): note SO-7K3F text",
            ["note", "add note"], CaseReference),
        new(CommandId.History, CommandScope.Team, "history",
            "What happened on a case, in order: history SO-7K3F",
            ["history"], CaseReference),
        new(CommandId.FailedDeliveries, CommandScope.Team, "failed deliveries",
            "List what I could not deliver for this channel's cases (cards, notices, messages to patients).",
            ["failed deliveries", "failed delivery", "dead letters"], InMenu: false),
    ];

    public static IEnumerable<BotCommand> InScope(CommandScope scope) => All.Where(command => command.Scope == scope);

    [GeneratedRegex("^SO-[0-9A-Z]{4,8}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseReferencePattern();
}
