using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Handoff;

/// <summary>The person's cases: erasure empties their personal fields and keeps audit lines without personal data.</summary>
public sealed class CaseDataParticipant(ICaseStore cases) : IPersonalDataParticipant
{
    public string Name => "cases";

    /// <summary>Last: erasing a case replaces its owner key, which other stores find their rows through.</summary>
    public ErasureOrder Order => ErasureOrder.Last;

    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var latest = await cases.FindLatestForOwnerAsync(who.OwnerKey, cancellationToken);
        return latest is null
            ? []
            : [new StoredDataItem(StoredDataCategory.Case, Fields: CaseDetailsFields.Filled(latest.Details), Reference: latest.Reference)];
    }

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) =>
        cases.ErasePersonalDataAsync(who.OwnerKey, cancellationToken);
}
