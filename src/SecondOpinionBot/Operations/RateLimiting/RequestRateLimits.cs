using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Operations.Telemetry;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Operations.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with one global, partitioned policy chosen by the request's endpoint: creating web-chat
/// sessions per client address, posting into a Direct Line conversation per conversation, and /api/messages per client
/// address in local mode. Everything else is not limited. A limited caller gets 429 with Retry-After and a short reason.
/// Behind a reverse proxy the client address is the proxy's unless forwarded headers are enabled (see the README).
/// </summary>
public static class RequestRateLimits
{
    public const string SessionPolicy = "sessions";
    public const string ConversationPolicy = "conversation-messages";
    public const string LocalMessagesPolicy = "local-messages";

    private static readonly string[] SessionPaths = ["/api/webchat/token", "/v3/directline/tokens/generate", "/v3/directline/tokens/refresh", "/v3/directline/conversations"];

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<BotAuthOptions>, BotMetrics>((limiter, limits, auth, metrics) =>
        {
            var settings = limits.Value;
            var localMode = auth.Value.IsLocalMode;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings, localMode));
            limiter.OnRejected = (rejected, cancellationToken) =>
            {
                var policy = rejected.HttpContext.Items[PolicyItem] as string ?? "unknown";
                metrics.RateLimited(policy);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(WriteRejectionAsync(rejected.HttpContext, retryAfter, cancellationToken));
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>429, Retry-After in whole seconds (at least 1), and a reason a developer can act on.</summary>
    public static Task WriteRejectionAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.Response.WriteAsJsonAsync(new { error = $"Too many requests. Try again in {seconds} s." }, cancellationToken);
    }

    private const string PolicyItem = "so.rate-limit-policy";

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions settings, bool localMode)
    {
        if (!settings.Enabled || !HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("none");
        }

        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        if (SessionPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Items[PolicyItem] = SessionPolicy;
            return Bucket(SessionPolicy + ":" + ClientKey(context), settings.SessionsBurst, settings.SessionsPerMinute);
        }

        if (context.Request.RouteValues.TryGetValue("conversationId", out var conversation) && conversation is string id
            && path.StartsWith("/v3/directline/conversations/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/activities", StringComparison.OrdinalIgnoreCase))
        {
            // This runs before the endpoint checks the token, so the bucket is per conversation and token: a caller
            // who only knows the conversation id cannot use up the real client's allowance.
            context.Items[PolicyItem] = ConversationPolicy;
            var token = context.Request.Headers.Authorization.ToString().GetHashCode(StringComparison.Ordinal);
            return Bucket($"{ConversationPolicy}:{id}:{token}", settings.MessagesBurst, settings.MessagesPerMinute);
        }

        if (localMode && path.Equals("/api/messages", StringComparison.OrdinalIgnoreCase))
        {
            context.Items[PolicyItem] = LocalMessagesPolicy;
            return Bucket(LocalMessagesPolicy + ":" + ClientKey(context), settings.LocalMessagesBurst, settings.LocalMessagesPerMinute);
        }

        return RateLimitPartition.GetNoLimiter("none");
    }

    internal static RateLimitPartition<string> Bucket(string key, int burst, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => Options(burst, perMinute));

    internal static TokenBucketRateLimiterOptions Options(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The client address; IPv6 clients by their /64, since one device can use many addresses in it.</summary>
    private static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return address.ToString();
    }
}
