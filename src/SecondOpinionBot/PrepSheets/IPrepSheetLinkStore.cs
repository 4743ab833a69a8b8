namespace SecondOpinionBot.PrepSheets;

/// <summary>Private, expiring links to a patient's printable prep sheet (<see cref="PrepSheetLinkStore"/>, on either provider).</summary>
public interface IPrepSheetLinkStore
{
    Task<PrepSheetLink> CreateAsync(string ownerKey, PrepSheetAnswers answers, CancellationToken cancellationToken);

    Task<PrepSheet?> FindAsync(string? token, PrepSheetWords words, CancellationToken cancellationToken);

    Task<(int Count, DateTimeOffset? LastExpiry)> DescribeAsync(string ownerKey, CancellationToken cancellationToken);

    Task<int> RevokeAllAsync(string ownerKey, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
