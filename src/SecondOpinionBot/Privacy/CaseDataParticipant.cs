using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.Privacy;

/// <summary>The person's cases: erasure empties their personal fields and keeps audit lines without personal data.</summary>
public sealed class CaseDataParticipant(ICaseStore cases) : IPersonalDataParticipant
{
    public string Name => "cases";

    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var latest = await cases.FindLatestForOwnerAsync(who.OwnerKey, cancellationToken);
        return latest is null
            ? []
            : [new StoredDataItem(StoredDataCategory.Case, Fields: IntakeDraftFields.Filled(latest.Details), Reference: latest.Reference)];
    }

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) =>
        cases.ErasePersonalDataAsync(who.OwnerKey, cancellationToken);
}
