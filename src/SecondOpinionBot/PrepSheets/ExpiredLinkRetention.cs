using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.PrepSheets;

/// <summary>Prep-sheet links go when they expire (<see cref="PrepSheetOptions"/>).</summary>
public sealed class ExpiredLinkRetention(IPrepSheetLinkStore links) : IRetentionParticipant
{
    public const string Purges = "prep-sheet-links";

    public string Name => Purges;

    public Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions options, CancellationToken cancellationToken) =>
        links.PurgeExpiredAsync(cancellationToken);
}
