namespace SecondOpinionBot.Privacy;

/// <summary>
/// Something a feature keeps only for a promised time (closed cases, prep-sheet links). The retention service calls
/// every registered one on its schedule: <c>services.AddSingleton&lt;IRetentionParticipant, MyRetention&gt;()</c>.
/// </summary>
public interface IRetentionParticipant
{
    /// <summary>A short stable name for logs and the run's figures (never personal data), e.g. "closed-cases".</summary>
    string Name { get; }

    /// <summary>Deletes what is past its time; returns how many items went.</summary>
    Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions options, CancellationToken cancellationToken);
}
