namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>What became of one send: done, try again later, or never (dead letter).</summary>
/// <param name="MaybeSent">The failure does not prove the channel did not act on it (no answer, a gateway error).</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null, bool MaybeSent = false)
{
    public static DeliveryResult Sent { get; } = new(DeliveryOutcome.Sent);

    public static DeliveryResult Later(string reason, TimeSpan? retryAfter = null, bool maybeSent = false) => new(DeliveryOutcome.RetryLater, reason, retryAfter, maybeSent);

    public static DeliveryResult Never(string reason) => new(DeliveryOutcome.Permanent, reason);
}

public enum DeliveryOutcome
{
    Sent,
    RetryLater,
    Permanent,
}
