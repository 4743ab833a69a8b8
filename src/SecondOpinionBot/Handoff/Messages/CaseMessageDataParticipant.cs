using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Handoff.Messages;

/// <summary>
/// The messages between the patient and the care team. "Delete my data" removes them for good. Registered before the
/// case participant, which replaces the owner key they are found by.
/// </summary>
public sealed class CaseMessageDataParticipant(ICaseMessageStore messages) : IPersonalDataParticipant
{
    public string Name => "case-messages";

    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var count = await messages.CountForOwnerAsync(who.OwnerKey, cancellationToken);
        return count == 0 ? [] : [new StoredDataItem(StoredDataCategory.CaseMessages, Count: count)];
    }

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) => messages.EraseForOwnerAsync(who.OwnerKey, cancellationToken);
}
