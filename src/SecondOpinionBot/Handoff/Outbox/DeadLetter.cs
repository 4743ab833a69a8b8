namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>An item that will not be retried, for operators. Ids and reasons only, no personal data.</summary>
public sealed record DeadLetter(long Id, OutboxKind Kind, string Reference, string Reason, int Attempts);
