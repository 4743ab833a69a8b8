using System.Threading.RateLimiting;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Operations.Telemetry;

namespace SecondOpinionBot.Operations.RateLimiting;

/// <summary>
/// The per-conversation limit for /api/messages, where the conversation is only known once the body is read (the
/// HTTP middleware runs before that). Same buckets as Direct Line's per-conversation policy.
/// </summary>
public sealed class ConversationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly BotMetrics _metrics;
    private readonly bool _enabled;

    public ConversationRateLimiter(IOptions<RateLimitOptions> options, BotMetrics metrics)
    {
        var settings = options.Value;
        _enabled = settings.Enabled;
        _metrics = metrics;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RequestRateLimits.Bucket(key, settings.MessagesBurst, settings.MessagesPerMinute));
    }

    /// <summary>Null when the activity may go on; otherwise how long its conversation must wait.</summary>
    public TimeSpan? Check(IActivity activity)
    {
        if (!_enabled || activity.Conversation?.Id is not { Length: > 0 } conversation)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire($"{activity.ChannelId}/{conversation}");
        if (lease.IsAcquired)
        {
            return null;
        }

        _metrics.RateLimited(RequestRateLimits.ConversationPolicy);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
