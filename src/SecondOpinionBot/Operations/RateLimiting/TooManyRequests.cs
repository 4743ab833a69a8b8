namespace SecondOpinionBot.Operations.RateLimiting;

/// <summary>429 with Retry-After, as the rate limiter's own rejections write it.</summary>
public sealed class TooManyRequests(TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) =>
        RequestRateLimits.WriteRejectionAsync(httpContext, retryAfter, httpContext.RequestAborted);
}
