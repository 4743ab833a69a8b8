using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using SecondOpinionBot.Handoff.Outbox;

namespace SecondOpinionBot.Tests.Handoff;

public sealed class ConnectorFailureTests
{
    private static ErrorResponseException Failure(HttpStatusCode status, string? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return new ErrorResponseException("failed") { Response = new HttpResponseMessageWrapper(response, "") };
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, DeliveryOutcome.Permanent)]
    [InlineData(HttpStatusCode.NotFound, DeliveryOutcome.Permanent)]
    [InlineData(HttpStatusCode.BadRequest, DeliveryOutcome.Permanent)]
    [InlineData(HttpStatusCode.InternalServerError, DeliveryOutcome.RetryLater)]
    [InlineData(HttpStatusCode.BadGateway, DeliveryOutcome.RetryLater)]
    [InlineData(HttpStatusCode.TooManyRequests, DeliveryOutcome.RetryLater)]
    public void Connector_statuses_are_sorted_into_retry_or_dead_letter(HttpStatusCode status, DeliveryOutcome expected)
    {
        Assert.Equal(expected, ConnectorFailure.Classify(Failure(status)).Outcome);
    }

    [Fact]
    public void A_429_carries_its_Retry_After_in_seconds_or_as_a_date()
    {
        Assert.Equal(TimeSpan.FromSeconds(42), ConnectorFailure.Classify(Failure(HttpStatusCode.TooManyRequests, "42")).RetryAfter);

        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var headers = new Dictionary<string, IEnumerable<string>> { ["retry-after"] = [now.AddMinutes(3).ToString("R")] };
        Assert.Equal(TimeSpan.FromMinutes(3), ConnectorFailure.RetryAfter(headers, now));
    }

    [Fact]
    public void A_network_failure_is_retried()
    {
        Assert.Equal(DeliveryOutcome.RetryLater, ConnectorFailure.Classify(new HttpRequestException("connection refused")).Outcome);
    }

    [Fact]
    public void Backoff_grows_with_attempts_and_stays_under_the_cap()
    {
        var settings = new SecondOpinionBot.Handoff.OutboxOptions { BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromMinutes(2) };

        var first = OutboxProcessor.Backoff(1, settings);
        var fourth = OutboxProcessor.Backoff(4, settings);
        var tenth = OutboxProcessor.Backoff(10, settings);

        Assert.InRange(first, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
        Assert.InRange(fourth, TimeSpan.FromSeconds(32), TimeSpan.FromSeconds(48));
        Assert.InRange(tenth, TimeSpan.FromSeconds(96), TimeSpan.FromSeconds(144));
    }
}
