namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>An item that will not be retried, for operators and the care team. Ids and reasons only, no personal data.</summary>
/// <param name="Queue">The queue of its case (or of the channel notice), when known.</param>
/// <param name="CreatedAt">When the item was queued.</param>
public sealed record DeadLetter(long Id, OutboxKind Kind, string Reference, string Reason, int Attempts, string? Queue = null, DateTimeOffset? CreatedAt = null);
