namespace SecondOpinionBot.Handoff;

/// <summary>One confirmed case as stored. Changed only through <see cref="ICaseStore"/> transitions.</summary>
public sealed record CaseRecord
{
    public required string Id { get; init; }

    /// <summary>Short reference people can read out (SO-7K3F). Not a secret: lookups by patients go by their identity.</summary>
    public required string Reference { get; init; }

    /// <summary>Who the case belongs to, as the server knows them (channel + user id).</summary>
    public required string OwnerKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Queue { get; init; }

    /// <summary>The other queue whose help the case also needs, shown as a note.</summary>
    public string? SecondaryQueue { get; init; }

    public required CasePriority Priority { get; init; }

    public required CaseStatus Status { get; init; }

    public string? AssigneeId { get; init; }

    public string? AssigneeName { get; init; }

    /// <summary>The assignee's Teams user id (29:…), for the card's per-user refresh and their personal notices.</summary>
    public string? AssigneeUserId { get; init; }

    /// <summary>Who resolved the case: the card names them, which need not be who claimed it.</summary>
    public string? ResolvedById { get; init; }

    public string? ResolvedByName { get; init; }

    public string? Outcome { get; init; }

    /// <summary>Grows with every transition; a card shows it so a click on an old card can be recognised.</summary>
    public required int Version { get; init; }

    /// <summary>The patient's conversation (serialised ConversationReference), to tell them about progress.</summary>
    public string? PatientConversation { get; init; }

    /// <summary>The answers the case was sent with; emptied when the patient deletes their data.</summary>
    public required CaseDetails Details { get; init; }

    /// <summary>Where the staff card lives: the channel thread and the card's activity id.</summary>
    public string? StaffConversationId { get; init; }

    public string? StaffCardActivityId { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

public sealed record CaseAuditEntry(DateTimeOffset At, string Actor, string Action, string? Detail);

public sealed record CaseTransitionResult(bool Succeeded, CaseRecord? Current);
