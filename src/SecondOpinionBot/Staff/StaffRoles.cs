namespace SecondOpinionBot.Staff;

/// <summary>What a staff member is, for one queue. Members of the bound team are queue members; leads and admins are listed in settings.</summary>
public enum StaffRole
{
    QueueMember,
    QueueLead,
    Admin,
}

public enum StaffAbility
{
    Claim,
    TakeOver,
    ResolveOwnCase,
    MessagePatientOnOwnCase,

    /// <summary>Details of a case someone else has, or nobody has (off for members when Handoff:DetailsAssigneeOnly).</summary>
    ViewDetailsOfAnyCase,
    ViewDetailsOfOwnCase,
    BindQueue,
    MoveQueue,

    /// <summary>Give a case to a colleague of the team (from the card's people picker or "assign SO-XXXX @name").</summary>
    Assign,
    UnassignOwnCase,
    UnassignAnyCase,
    Transfer,
    Reopen,
    AddNote,
    ViewHistory,
}

/// <summary>
/// The one table of who may do what, shared by the card actions, the dialogs, the staff commands and the local staff
/// page. Every action asks here on the server, whatever card the person saw.
/// </summary>
public static class StaffRoles
{
    private static readonly Dictionary<StaffRole, HashSet<StaffAbility>> Table = new()
    {
        [StaffRole.QueueMember] =
        [
            StaffAbility.Claim, StaffAbility.TakeOver, StaffAbility.ResolveOwnCase, StaffAbility.MessagePatientOnOwnCase,
            StaffAbility.ViewDetailsOfAnyCase, StaffAbility.ViewDetailsOfOwnCase, StaffAbility.BindQueue,
            StaffAbility.Assign, StaffAbility.UnassignOwnCase, StaffAbility.Transfer, StaffAbility.Reopen, StaffAbility.AddNote, StaffAbility.ViewHistory,
        ],
        [StaffRole.QueueLead] =
        [
            StaffAbility.Claim, StaffAbility.TakeOver, StaffAbility.ResolveOwnCase, StaffAbility.MessagePatientOnOwnCase,
            StaffAbility.ViewDetailsOfAnyCase, StaffAbility.ViewDetailsOfOwnCase, StaffAbility.BindQueue,
            StaffAbility.Assign, StaffAbility.UnassignOwnCase, StaffAbility.UnassignAnyCase, StaffAbility.Transfer, StaffAbility.Reopen, StaffAbility.AddNote, StaffAbility.ViewHistory,
        ],
        [StaffRole.Admin] =
        [
            StaffAbility.Claim, StaffAbility.TakeOver, StaffAbility.ResolveOwnCase, StaffAbility.MessagePatientOnOwnCase,
            StaffAbility.ViewDetailsOfAnyCase, StaffAbility.ViewDetailsOfOwnCase, StaffAbility.BindQueue, StaffAbility.MoveQueue,
            StaffAbility.Assign, StaffAbility.UnassignOwnCase, StaffAbility.UnassignAnyCase, StaffAbility.Transfer, StaffAbility.Reopen, StaffAbility.AddNote, StaffAbility.ViewHistory,
        ],
    };

    /// <param name="detailsAssigneeOnly">Handoff:DetailsAssigneeOnly: members see Details of their own cases only.</param>
    public static bool Allows(StaffRole role, StaffAbility permission, bool detailsAssigneeOnly = false) =>
        !(detailsAssigneeOnly && role == StaffRole.QueueMember && permission == StaffAbility.ViewDetailsOfAnyCase)
        && Table[role].Contains(permission);
}
