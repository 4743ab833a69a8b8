
namespace SecondOpinionBot.Handoff;

public interface ICaseStore
{
    Task<CaseRecord> CreateAsync(NewCase request, CancellationToken cancellationToken);

    Task<CaseRecord?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The owner's most recent case, open or not.</summary>
    Task<CaseRecord?> FindLatestForOwnerAsync(string ownerKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseRecord>> ListOpenAsync(string queue, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the case from <paramref name="expected"/> to <paramref name="target"/> only if it is still in that status
    /// (a conditional write), so two staff members can never both win. Returns the case as it now is either way.
    /// </summary>
    Task<CaseTransitionResult> TryTransitionAsync(string reference, CaseStatus expected, CaseStatus target, CaseActor actor, string? outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a claimed case to <paramref name="actor"/> only if <paramref name="expectedAssigneeId"/> still has it
    /// (a conditional write, audited with the previous assignee). Returns the case as it now is either way.
    /// </summary>
    Task<CaseTransitionResult> TryTakeOverAsync(string reference, string expectedAssigneeId, CaseActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Gives an open case to <paramref name="assignee"/> on behalf of <paramref name="by"/>, only if it is still at
    /// <paramref name="expectedVersion"/> (the card or command the person saw). Audited with who assigned it.
    /// </summary>
    Task<CaseTransitionResult> TryAssignAsync(string reference, int expectedVersion, CaseActor assignee, CaseActor by, CancellationToken cancellationToken);

    /// <summary>Puts a claimed case back in its queue (New, nobody has it) only if <paramref name="expectedAssigneeId"/> still has it.</summary>
    Task<CaseTransitionResult> TryUnassignAsync(string reference, string expectedAssigneeId, CaseActor by, CancellationToken cancellationToken);

    /// <summary>
    /// Moves an open case to <paramref name="targetQueue"/> (status Transferred, nobody has it, a new thread to come)
    /// only if it is still at <paramref name="expectedVersion"/>; the old thread's card is kept as a copy, so it is
    /// updated to say where the case went.
    /// </summary>
    Task<CaseTransitionResult> TryTransferAsync(string reference, int expectedVersion, string targetQueue, CaseActor by, CancellationToken cancellationToken);

    /// <summary>Every open case <paramref name="assigneeId"/> has, across queues, most urgent first.</summary>
    Task<IReadOnlyList<CaseRecord>> ListOpenAssignedToAsync(string assigneeId, CancellationToken cancellationToken);

    /// <summary>Makes an open case urgent; returns the case when it changed, null when it was urgent (or closed) already.</summary>
    Task<CaseRecord?> MarkUrgentAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Remembers a copy of the case card posted by "case SO-XXXX", so updates reach it too.</summary>
    Task AddCardCopyAsync(string reference, string conversationId, string activityId, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string ConversationId, string ActivityId)>> ListCardCopiesAsync(string reference, CancellationToken cancellationToken);

    Task RemoveCardCopyAsync(string reference, string activityId, CancellationToken cancellationToken);

    Task SetStaffCardAsync(string reference, string conversationId, string activityId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseAuditEntry>> GetAuditAsync(string reference, CancellationToken cancellationToken);

    Task AppendAuditAsync(string reference, string actor, string action, string? detail, CancellationToken cancellationToken);

    /// <summary>Erases the owner's personal data from every case; audit lines stay, without personal data.</summary>
    Task<int> ErasePersonalDataAsync(string ownerKey, CancellationToken cancellationToken);

    /// <summary>Deletes closed cases closed before the cutoff.</summary>
    Task<int> PurgeClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <param name="RequestKey">The inbound activity that confirmed the case (a hash of "{channel}/{conversation}/{activity id}"): a
/// second create with the same key (the turn re-run after a crash) returns the first case instead of a new one.</param>
public sealed record NewCase(string OwnerKey, string Queue, string? SecondaryQueue, CasePriority Priority, string? PatientConversation, CaseDetails Details, string? RequestKey = null);

/// <param name="Id">A stable id (Teams AAD object id, or "patient").</param>
/// <param name="DisplayName">First name shown to colleagues and the patient.</param>
/// <param name="TeamsUserId">The Teams user id (29:…) when the actor is a Teams user.</param>
public sealed record CaseActor(string Id, string DisplayName, string? TeamsUserId = null);
