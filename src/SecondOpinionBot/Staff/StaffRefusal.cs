namespace SecondOpinionBot.Staff;

/// <summary>Why a staff request was turned down. The text is what the person sees; the code goes to the audit.</summary>
public sealed record StaffRefusal(string Code, string Text)
{
    public static StaffRefusal PatientConversation { get; } = new("patient-conversation",
        "Sorry, that action is only for the care team in their Teams channel.");

    public static StaffRefusal NotTeams { get; } = new("not-teams",
        "Sorry, case actions work only in Microsoft Teams.");

    public static StaffRefusal NoTenantConfigured { get; } = new("no-tenant-configured",
        "Sorry, I am not set up for a care team yet: an administrator needs to set the Teams tenant (Handoff:TenantId).");

    public static StaffRefusal WrongTenant { get; } = new("wrong-tenant",
        "Sorry, I only take case work from the care team's own Microsoft Teams organisation.");

    public static StaffRefusal NotAllowListed { get; } = new("not-allow-listed",
        "Sorry, only the care team members chosen by your administrator can change where cases go. Please ask one of them.");

    public static StaffRefusal BindingNotConfigured { get; } = new("binding-not-configured",
        "Sorry, queues can't be set up yet: an administrator needs to list the care teams in Handoff:AllowedTeamIds " +
        "or the queue admins in Handoff:AdminUserObjectIds.");

    public static StaffRefusal NotStandardChannel { get; } = new("not-standard-channel",
        "Sorry, I can't post cases in a private or shared channel. Choose a standard channel of your team and type the command there.");

    public static StaffRefusal QueueBoundElsewhere { get; } = new("queue-bound-elsewhere",
        "Sorry, this queue already posts its cases in another channel. Only a queue admin (Handoff:AdminUserObjectIds) can move it. " +
        "I have told that channel you asked.");

    public static StaffRefusal NotTeamChannel { get; } = new("not-team-channel",
        "Sorry, I work with cases only in a team channel. Type the command in the channel your team uses for a queue.");

    public static StaffRefusal NotBoundChannel { get; } = new("not-bound-channel",
        "Sorry, this case belongs to another channel's queue, so I can't act on it here.");

    public static StaffRefusal NotAssignee { get; } = new("not-assignee",
        "Sorry, only the person who has this case can resolve it. Take it over first if you are working on it.");

    public static StaffRefusal Unreadable { get; } = new("unreadable",
        "Sorry, I couldn't read that request. Type \"case SO-XXXX\" to get a fresh card.");

    public static StaffRefusal NotTeamMember { get; } = new("not-team-member",
        "Sorry, only members of the team this queue belongs to can open its cases.");

    public static StaffRefusal RosterUnavailable { get; } = new("roster-unavailable",
        "Sorry, I couldn't check the team's member list with Teams just now, so I can't open this. Please try again in a minute.");

    public static StaffRefusal DetailsAssigneeOnly { get; } = new("details-assignee-only",
        "Sorry, here only the person who has a case can see its details (Handoff:DetailsAssigneeOnly). A queue lead can too.");

    public static StaffRefusal MessageNotAssignee { get; } = new("message-not-assignee",
        "Sorry, only the person who has this case can message the patient. Claim it, or take it over, first.");

    public static StaffRefusal PatientDataDeleted { get; } = new("patient-data-deleted",
        "The patient deleted their data, so there is no way to reach them here any more. Nothing was sent.");

    public static StaffRefusal UnknownCase { get; } = new("unknown-case",
        "I can't find that case in this channel's queue.");
}
