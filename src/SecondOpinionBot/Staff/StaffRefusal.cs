using SecondOpinionBot.Content;

namespace SecondOpinionBot.Staff;

/// <summary>
/// Why a staff request was turned down. <see cref="Key"/> names what the person reads (staff.yaml, through
/// <see cref="StaffText.Of"/>); the code goes to the audit.
/// </summary>
public sealed record StaffRefusal(string Code, MessageKey Key)
{
    /// <summary>The values the message's placeholders take, e.g. the queue's name.</summary>
    public (string Name, string Value)[] Values { get; init; } = [];

    public static StaffRefusal PatientConversation { get; } = new("patient-conversation", StaffMessageKeys.RefusalPatientConversation);

    public static StaffRefusal NotTeams { get; } = new("not-teams", StaffMessageKeys.RefusalNotTeams);

    public static StaffRefusal NoTenantConfigured { get; } = new("no-tenant-configured", StaffMessageKeys.RefusalNoTenantConfigured);

    public static StaffRefusal WrongTenant { get; } = new("wrong-tenant", StaffMessageKeys.RefusalWrongTenant);

    public static StaffRefusal NotAllowListed { get; } = new("not-allow-listed", StaffMessageKeys.RefusalNotAllowListed);

    public static StaffRefusal BindingNotConfigured { get; } = new("binding-not-configured", StaffMessageKeys.RefusalBindingNotConfigured);

    public static StaffRefusal NotStandardChannel { get; } = new("not-standard-channel", StaffMessageKeys.RefusalNotStandardChannel);

    public static StaffRefusal QueueBoundElsewhere { get; } = new("queue-bound-elsewhere", StaffMessageKeys.RefusalQueueBoundElsewhere);

    public static StaffRefusal NotTeamChannel { get; } = new("not-team-channel", StaffMessageKeys.RefusalNotTeamChannel);

    public static StaffRefusal NotBoundChannel { get; } = new("not-bound-channel", StaffMessageKeys.RefusalNotBoundChannel);

    public static StaffRefusal NotAssignee { get; } = new("not-assignee", StaffMessageKeys.RefusalNotAssignee);

    public static StaffRefusal Unreadable { get; } = new("unreadable", StaffMessageKeys.RefusalUnreadable);

    public static StaffRefusal NotTeamMember { get; } = new("not-team-member", StaffMessageKeys.RefusalNotTeamMember);

    public static StaffRefusal RosterUnavailable { get; } = new("roster-unavailable", StaffMessageKeys.RefusalRosterUnavailable);

    public static StaffRefusal DetailsAssigneeOnly { get; } = new("details-assignee-only", StaffMessageKeys.RefusalDetailsAssigneeOnly);

    public static StaffRefusal MessageNotAssignee { get; } = new("message-not-assignee", StaffMessageKeys.RefusalMessageNotAssignee);

    public static StaffRefusal PatientDataDeleted { get; } = new("patient-data-deleted", StaffMessageKeys.RefusalPatientDataDeleted);

    public static StaffRefusal UnknownCase { get; } = new("unknown-case", StaffMessageKeys.RefusalUnknownCase);

    public static StaffRefusal MalformedAction { get; } = new("malformed", StaffMessageKeys.RefusalMalformedAction);

    public static StaffRefusal MoveNotBound { get; } = new("move-not-bound", StaffMessageKeys.RefusalMoveNotBound);

    /// <summary>The same refusal with its placeholders filled.</summary>
    public StaffRefusal With(params (string Name, string Value)[] values) => this with { Values = values };

    /// <summary>Refusals are the same refusal whatever values fill them.</summary>
    public bool Equals(StaffRefusal? other) => other is not null && other.Code == Code;

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}
