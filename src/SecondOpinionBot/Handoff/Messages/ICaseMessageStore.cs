namespace SecondOpinionBot.Handoff.Messages;

public interface ICaseMessageStore
{
    Task<CaseMessage> AddAsync(string caseId, MessageDirection direction, string authorId, string authorName, string text, CancellationToken cancellationToken);

    Task<CaseMessage?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>The case's messages, oldest first.</summary>
    Task<IReadOnlyList<CaseMessage>> ListAsync(string caseId, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(long id, CancellationToken cancellationToken);

    /// <summary>Messages to the patient that their chat never accepted (e.g. an expired web chat), oldest first.</summary>
    Task<IReadOnlyList<CaseMessage>> ListUndeliveredToOwnerAsync(string ownerKey, CancellationToken cancellationToken);

    /// <summary>Messages between the patient and the team (both ways); staff notes are not counted: the patient never sees them.</summary>
    Task<int> CountForOwnerAsync(string ownerKey, CancellationToken cancellationToken);

    Task EraseForOwnerAsync(string ownerKey, CancellationToken cancellationToken);
}
