namespace SecondOpinionBot.Handoff;

/// <summary>The Teams channel a queue's cases are posted to, as recorded by "set queue".</summary>
public sealed record QueueBinding(
    string Queue,
    string TeamId,
    string ChannelId,
    string ServiceUrl,
    string TenantId,
    string BoundBy,
    DateTimeOffset BoundAt);
