using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.PrepSheets;

/// <summary>Prep-sheet links and the sheets stored with them; "delete my data" makes every link stop working.</summary>
public sealed class PrepSheetLinkParticipant(IPrepSheetLinkStore links) : IPersonalDataParticipant
{
    public string Name => "prep-sheet-links";

    public async Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken)
    {
        var (count, lastExpiry) = await links.DescribeAsync(who.OwnerKey, cancellationToken);
        return count == 0 ? [] : [new StoredDataItem(StoredDataCategory.PrepSheetLinks, Count: count, Until: lastExpiry)];
    }

    public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) =>
        links.RevokeAllAsync(who.OwnerKey, cancellationToken);
}
