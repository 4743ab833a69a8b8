using System.Globalization;
using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace SecondOpinionBot.Handoff.Outbox;

/// <summary>
/// Sorts a failed Bot Connector call: 403 (bot removed from the team), 404/410 (conversation gone) and 400 (rejected)
/// will fail the same way again; 429 says when to come back; anything else is worth another try. A gateway error
/// (502, 504) or no answer at all (timeout, connection reset) may come after the Connector acted, so those are marked
/// as possibly sent; an answer from the Connector itself (4xx, 500, 503) means it did not.
/// </summary>
public static class ConnectorFailure
{
    public static DeliveryResult Classify(Exception exception)
    {
        HttpResponseMessageWrapper? response = exception switch
        {
            ErrorResponseException { Response: { } r } => r,
            HttpOperationException { Response: { } r } => r,
            _ => null,
        };
        var status = response?.StatusCode;
        var headers = response?.Headers;

        return status switch
        {
            HttpStatusCode.Forbidden => DeliveryResult.Never("forbidden-bot-removed"),
            HttpStatusCode.NotFound or HttpStatusCode.Gone => DeliveryResult.Never("conversation-gone"),
            HttpStatusCode.BadRequest => DeliveryResult.Never("rejected-bad-request"),
            HttpStatusCode.TooManyRequests => DeliveryResult.Later("throttled-429", RetryAfter(headers)),
            HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => DeliveryResult.Later($"http-{(int)status}", maybeSent: true),
            { } other => DeliveryResult.Later($"http-{(int)other}"),
            null => DeliveryResult.Later(exception.GetType().Name, maybeSent: true),
        };
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable.</summary>
    internal static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers, DateTimeOffset? now = null)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - (now ?? DateTimeOffset.UtcNow)).Ticks))
            : null;
    }
}
