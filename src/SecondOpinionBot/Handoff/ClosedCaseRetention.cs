using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Handoff;

/// <summary>Closed cases go <see cref="RetentionOptions.ResolvedCaseRetentionDays"/> after they were closed.</summary>
public sealed class ClosedCaseRetention(ICaseStore cases) : IRetentionParticipant
{
    public const string Purges = "closed-cases";

    public string Name => Purges;

    public Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions options, CancellationToken cancellationToken) =>
        cases.PurgeClosedBeforeAsync(now.AddDays(-options.ResolvedCaseRetentionDays), cancellationToken);
}
