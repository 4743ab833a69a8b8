using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// The channel commands that change or show one case: assign, unassign, transfer, reopen, note, history. Each asks,
/// on the server and every time: the case's queue is bound to this channel, the person is in its team (Teams
/// roster, fresh), and the role table allows it. An assignee must be in the team too.
/// </summary>
public sealed partial class StaffCaseCommands(
    ICaseStore cases, StaffAuthorizer authorizer, StaffRoster roster, StaffCaseChanges changes, StaffText text, ILogger<StaffCaseCommands> logger)
{
    /// <summary>"note SO-7K3F …" and "transfer SO-7K3F …" carry free text after the reference; the router takes one word.</summary>
    public static (CommandId Id, string Reference, string Text)? ParseWithText(string? typed)
    {
        var match = WithTextPattern().Match(MentionPattern().Replace(typed ?? "", " "));
        if (!match.Success)
        {
            return null;
        }

        var id = match.Groups["verb"].Value.ToLowerInvariant() switch
        {
            "transfer" => CommandId.Transfer,
            _ => CommandId.Note,
        };
        return (id, match.Groups["reference"].Value.ToUpperInvariant(), match.Groups["rest"].Value.Trim());
    }

    public async Task<string> HandleAsync(ITurnContext turn, CommandId command, string reference, string rest, CancellationToken cancellationToken)
    {
        var ability = command switch
        {
            CommandId.Assign => StaffAbility.Assign,
            CommandId.Unassign => StaffAbility.UnassignOwnCase,
            CommandId.Transfer => StaffAbility.Transfer,
            CommandId.Reopen => StaffAbility.Reopen,
            CommandId.Note => StaffAbility.AddNote,
            _ => StaffAbility.ViewHistory,
        };
        var (record, origin, refusal) = await AuthorizeAsync(turn, reference, ability, cancellationToken);
        if (record is null || origin is null)
        {
            LogRefused(refusal!.Code, command.ToString());
            await cases.AppendAuditAsync(reference.Length <= 16 ? reference : reference[..16], $"msteams:{turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id}",
                "staff-action-refused", $"{refusal.Code}; command={command}", cancellationToken);
            return text.Of(refusal);
        }

        var by = new CaseActor(origin.UserId, text.Actor(origin.DisplayName), origin.TeamsUserId);
        var role = authorizer.RoleOf(turn.Activity);
        return command switch
        {
            CommandId.Assign => await AssignAsync(turn, record, origin, by, cancellationToken),
            CommandId.Unassign => (await changes.UnassignAsync(record, by, StaffRoles.Allows(role, StaffAbility.UnassignAnyCase), cancellationToken)).Note,
            CommandId.Transfer => (await changes.TransferAsync(record, by, null, rest, cancellationToken)).Note,
            CommandId.Reopen => (await changes.ReopenAsync(record, by, cancellationToken)).Note,
            CommandId.Note => (await changes.AddNoteAsync(record, by, rest, cancellationToken)).Note,
            _ => await HistoryAsync(record, origin, cancellationToken),
        };
    }

    /// <summary>
    /// Assign (people picker), Unassign and Reopen pressed on a card: the same checks as the commands, then the card as
    /// it now is. A repeat of what already happened (Teams retries an invoke) changes nothing; an outdated card gets
    /// the current state.
    /// </summary>
    public async Task<CaseActionResult> CardChangeAsync(ITurnContext turn, CaseActionPayload payload, CancellationToken cancellationToken)
    {
        var ability = payload.Verb switch
        {
            CaseActionPayload.AssignVerb => StaffAbility.Assign,
            CaseActionPayload.UnassignVerb => StaffAbility.UnassignOwnCase,
            _ => StaffAbility.Reopen,
        };
        var (record, origin, refusal) = await AuthorizeAsync(turn, payload.Reference, ability, cancellationToken);
        if (record is null || origin is null)
        {
            LogRefused(refusal!.Code, payload.Verb);
            await cases.AppendAuditAsync(payload.Reference.Length <= 16 ? payload.Reference : payload.Reference[..16], $"msteams:{turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id}",
                "staff-action-refused", $"{refusal.Code}; verb={payload.Verb}", cancellationToken);
            return new CaseActionResult(null, null, refusal, false);
        }

        var by = new CaseActor(origin.UserId, text.Actor(origin.DisplayName), origin.TeamsUserId);
        var repeat = payload.Verb switch
        {
            CaseActionPayload.AssignVerb => payload.Assignee is { } chosen && record.Status == CaseStatus.Claimed && record.AssigneeId == chosen,
            CaseActionPayload.UnassignVerb => record.Status != CaseStatus.Claimed,
            _ => CaseTransitions.IsOpen(record.Status),
        };
        if (repeat)
        {
            return new CaseActionResult(record, null, null, false, origin.UserId);
        }

        if (payload.CardVersion != record.Version)
        {
            return new CaseActionResult(record, text.Get(StaffMessageKeys.ActionsOutOfDate), null, false, origin.UserId);
        }

        string note;
        switch (payload.Verb)
        {
            case CaseActionPayload.AssignVerb when payload.Assignee is { } assignee:
                note = await AssignToAsync(turn, record, origin, by, assignee, cancellationToken);
                break;
            case CaseActionPayload.AssignVerb:
                note = text.Get(StaffMessageKeys.WorkAssignWho, ("reference", record.Reference));
                break;
            case CaseActionPayload.UnassignVerb:
                note = (await changes.UnassignAsync(record, by, StaffRoles.Allows(authorizer.RoleOf(turn.Activity), StaffAbility.UnassignAnyCase), cancellationToken)).Note;
                break;
            default:
                note = (await changes.ReopenAsync(record, by, cancellationToken)).Note;
                break;
        }

        var now = await cases.FindAsync(record.Reference, cancellationToken) ?? record;
        return new CaseActionResult(now, note, null, now.Version != record.Version, origin.UserId);
    }

    /// <summary>The assignee is the person mentioned after the reference; Teams sends them as a mention entity (29:… id).</summary>
    private async Task<string> AssignAsync(ITurnContext turn, CaseRecord record, StaffOrigin origin, CaseActor by, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        var mentioned = turn.Activity.GetMentions()
            .Select(m => m.Mentioned)
            .FirstOrDefault(account => account?.Id is { Length: > 0 } id && id != botId);
        if (mentioned is null)
        {
            return text.Get(StaffMessageKeys.WorkAssignWho, ("reference", record.Reference));
        }

        return await AssignToAsync(turn, record, origin, by, mentioned.Id, cancellationToken);
    }

    /// <summary>Assigns to a user named by Teams id or Entra object id (the card's people picker), after a fresh roster look-up.</summary>
    public async Task<string> AssignToAsync(ITurnContext turn, CaseRecord record, StaffOrigin origin, CaseActor by, string userId, CancellationToken cancellationToken)
    {
        var (answer, member) = await roster.FindMemberAsync(turn, origin.TeamId, userId, cancellationToken);
        if (answer == RosterAnswer.Unavailable)
        {
            return text.Of(StaffRefusal.RosterUnavailable);
        }

        if (member is null)
        {
            await cases.AppendAuditAsync(record.Reference, by.Id, "staff-action-refused", "assignee-not-member; command=Assign", cancellationToken);
            return text.Get(StaffMessageKeys.WorkAssignNotMember);
        }

        var to = new CaseActor(member.AadObjectId is { Length: > 0 } aad ? aad : member.Id, CardText.FirstName(member.Name), member.Id);
        return (await changes.AssignAsync(record, by, to, cancellationToken)).Note;
    }

    /// <summary>Case, bound channel, fresh roster, role: the first that fails is the answer (another queue's case reads as unknown).</summary>
    public async Task<(CaseRecord? Case, StaffOrigin? Origin, StaffRefusal? Refusal)> AuthorizeAsync(ITurnContext turn, string reference, StaffAbility ability, CancellationToken cancellationToken)
    {
        var record = await cases.FindAsync(reference, cancellationToken);
        if (record is null)
        {
            var (channel, notChannel) = authorizer.CheckChannel(turn.Activity);
            return (null, null, channel is null ? notChannel : StaffRefusal.UnknownCase);
        }

        var (origin, refusal) = await authorizer.CheckQueueAsync(turn.Activity, record.Queue, cancellationToken);
        if (origin is null)
        {
            return (null, null, refusal == StaffRefusal.NotBoundChannel ? StaffRefusal.UnknownCase : refusal);
        }

        switch (await roster.CheckAsync(turn, origin.TeamId, fresh: true, cancellationToken))
        {
            case RosterAnswer.NotMember:
                return (null, null, StaffRefusal.NotTeamMember);
            case RosterAnswer.Unavailable:
                return (null, null, StaffRefusal.RosterUnavailable);
        }

        return StaffRoles.Allows(authorizer.RoleOf(turn.Activity), ability)
            ? (record, origin, null)
            : (null, null, StaffRefusal.NotTeamMember);
    }

    /// <summary>The audit trail in words, to staff of the case's queue only (audited itself: it is a read of the case).</summary>
    private async Task<string> HistoryAsync(CaseRecord record, StaffOrigin origin, CancellationToken cancellationToken)
    {
        var audit = await cases.GetAuditAsync(record.Reference, cancellationToken);
        await cases.AppendAuditAsync(record.Reference, origin.UserId, "history-viewed", null, cancellationToken);
        if (audit.Count == 0)
        {
            return text.Get(StaffMessageKeys.WorkHistoryEmpty, ("reference", record.Reference));
        }

        var lines = new StringBuilder(text.Get(StaffMessageKeys.WorkHistoryHeading, ("reference", record.Reference)));
        foreach (var entry in audit.Where(e => e.Action != "history-viewed"))
        {
            lines.Append("\n\n").Append(text.Get(StaffMessageKeys.WorkHistoryLine,
                ("at", entry.At.UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture)),
                ("who", Who(record, entry.Actor)),
                ("what", What(entry))));
        }

        return lines.ToString();
    }

    /// <summary>Names come from the case (who has it, who resolved it); other colleagues are not named from an id.</summary>
    private string Who(CaseRecord record, string actor) => actor switch
    {
        "patient" => text.Get(StaffMessageKeys.HistoryWhoPatient),
        "bot" => text.Get(StaffMessageKeys.HistoryWhoBot),
        _ when actor == record.AssigneeId && record.AssigneeName is { } name => CardText.FirstName(name),
        _ when actor == record.ResolvedById && record.ResolvedByName is { } name => CardText.FirstName(name),
        _ => text.Get(StaffMessageKeys.HistoryWhoColleague),
    };

    private string What(CaseAuditEntry entry)
    {
        var key = entry.Action switch
        {
            "created" => StaffMessageKeys.HistoryCreated,
            _ when entry.Action.EndsWith("->Claimed", StringComparison.Ordinal) => StaffMessageKeys.HistoryClaimed,
            _ when entry.Action.EndsWith("->Resolved", StringComparison.Ordinal) => StaffMessageKeys.HistoryResolved,
            _ when entry.Action.EndsWith("->Reopened", StringComparison.Ordinal) => StaffMessageKeys.HistoryReopened,
            _ when entry.Action.EndsWith("->Withdrawn", StringComparison.Ordinal) => StaffMessageKeys.HistoryWithdrawn,
            "take-over" => StaffMessageKeys.HistoryTookOver,
            "assigned" => StaffMessageKeys.HistoryAssigned,
            "unassigned" => StaffMessageKeys.HistoryUnassigned,
            "note-added" => StaffMessageKeys.HistoryNoteAdded,
            "details-viewed" => StaffMessageKeys.HistoryDetailsViewed,
            "message-to-patient" => StaffMessageKeys.HistoryMessageToPatient,
            "message-from-patient" => StaffMessageKeys.HistoryMessageFromPatient,
            "emergency-after-handoff" => StaffMessageKeys.HistoryEmergency,
            "asked-for-a-person" => StaffMessageKeys.HistoryAskedForPerson,
            "priority->Urgent" => StaffMessageKeys.HistoryUrgent,
            "escalated-after-hours" => StaffMessageKeys.HistoryAfterHours,
            "staff-action-refused" => StaffMessageKeys.HistoryRefused,
            "overdue-reminder" => StaffMessageKeys.HistoryReminder,
            _ => null,
        };
        if (entry.Action == "transferred")
        {
            var parts = (entry.Detail ?? "").Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            return text.Get(StaffMessageKeys.HistoryTransferred,
                ("from", text.QueueInSentence(parts.GetValueOrDefault("from", ""))),
                ("to", text.QueueInSentence(parts.GetValueOrDefault("to", ""))));
        }

        return key is null ? text.Get(StaffMessageKeys.HistoryOther, ("action", CardText.Label(entry.Action))) : text.Get(key);
    }

    [GeneratedRegex(@"^\s*(?<verb>note|add note|transfer)\s+(?<reference>SO-[0-9A-Z]{4,8})\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex WithTextPattern();

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a staff case command ({Code}, {Command}).")]
    private partial void LogRefused(string code, string command);
}
