namespace SecondOpinionBot.Operations.Alerts;

/// <summary>
/// Publishes a card a rule has won the right to post: always one log line starting with "ALERT" (what log-based alerting
/// keys on), then the card in the operations channel. A card that cannot be posted is logged; the rule keeps its state
/// (the log line went out), so a broken channel does not turn into a card per pass later.
/// </summary>
public sealed partial class AlertPublisher(OperationsChannel channel, Telemetry.BotMetrics metrics, ILogger<AlertPublisher> logger)
{
    public async Task PublishAsync(AlertCard card, CancellationToken cancellationToken)
    {
        var summary = card.ToString();
        if (card.Cleared)
        {
            LogCleared(card.Rule, summary);
        }
        else
        {
            LogAlert(card.Rule, summary);
        }

        try
        {
            if (await channel.PostAsync(card, cancellationToken))
            {
                metrics.AlertPosted(card.Rule);
            }
            else if (channel.Configured)
            {
                LogNoAddress(card.Rule);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPostFailed(card.Rule, ex.GetType().FullName);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "ALERT {Rule}: {Summary}")]
    private partial void LogAlert(string rule, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT cleared {Rule}: {Summary}")]
    private partial void LogCleared(string rule, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not post the {Rule} alert card to the operations channel ({ExceptionType}); the log line above stands.")]
    private partial void LogPostFailed(string rule, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Rule} alert card has nowhere to go: Operations:AlertChannelId is set, but no service URL is known yet (bind a queue, or set Operations:AlertServiceUrl).")]
    private partial void LogNoAddress(string rule);
}
