namespace SecondOpinionBot.Handoff;

public enum CaseStatus
{
    New,
    Claimed,
    Transferred,
    Resolved,
    Reopened,
    Withdrawn,
}

public enum CasePriority
{
    Routine,
    Urgent,
}

/// <summary>The legal moves between statuses. Anything else is refused before it reaches the database.</summary>
public static class CaseTransitions
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.New] = [CaseStatus.Claimed, CaseStatus.Transferred, CaseStatus.Withdrawn],
        // Claimed → New is "unassign": back in the queue for anyone to claim.
        [CaseStatus.Claimed] = [CaseStatus.Resolved, CaseStatus.Transferred, CaseStatus.Withdrawn, CaseStatus.New],
        [CaseStatus.Transferred] = [CaseStatus.Claimed, CaseStatus.Transferred, CaseStatus.Withdrawn],
        [CaseStatus.Resolved] = [CaseStatus.Reopened],
        [CaseStatus.Reopened] = [CaseStatus.Claimed, CaseStatus.Resolved, CaseStatus.Transferred, CaseStatus.Withdrawn],
        [CaseStatus.Withdrawn] = [],
    };

    public static bool IsAllowed(CaseStatus from, CaseStatus to) => Allowed[from].Contains(to);

    public static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Resolved or CaseStatus.Withdrawn);
}
