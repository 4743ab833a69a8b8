using System.ComponentModel.DataAnnotations;

namespace SecondOpinionBot.Operations.RateLimiting;

/// <summary>
/// Token buckets: <c>Burst</c> requests at once, refilled at <c>PerMinute</c>. The defaults leave a patient's whole
/// journey (40 to 80 messages) room to go through at machine speed; a person typing never gets near them. Per-address
/// limits count a hospital's guest Wi-Fi as one address, so they allow many people starting at once. Bound from "RateLimits".
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Web chat tokens and new conversations, per client address.</summary>
    [Range(1, 100_000)]
    public int SessionsPerMinute { get; set; } = 60;

    [Range(1, 100_000)]
    public int SessionsBurst { get; set; } = 60;

    /// <summary>Messages into one conversation (Direct Line and /api/messages).</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinute { get; set; } = 60;

    [Range(1, 100_000)]
    public int MessagesBurst { get; set; } = 100;

    /// <summary>POST /api/messages in local mode (no authentication to tell callers apart), per client address.</summary>
    [Range(1, 100_000)]
    public int LocalMessagesPerMinute { get; set; } = 600;

    [Range(1, 100_000)]
    public int LocalMessagesBurst { get; set; } = 600;
}
