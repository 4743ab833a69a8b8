namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>What became of one send: done, try again later, or never (dead letter).</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Sent { get; } = new(DeliveryOutcome.Sent);

    public static DeliveryResult Later(string reason, TimeSpan? retryAfter = null) => new(DeliveryOutcome.RetryLater, reason, retryAfter);

    public static DeliveryResult Never(string reason) => new(DeliveryOutcome.Permanent, reason);
}

public enum DeliveryOutcome
{
    Sent,
    RetryLater,
    Permanent,
}
