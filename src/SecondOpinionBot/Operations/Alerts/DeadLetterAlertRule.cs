using System.Globalization;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Alerts;

/// <summary>
/// "dead-letter": outbox items that will not be retried. All new ones since the last card go into one card, grouped by
/// reason and kind; within Operations:AlertRepeatInterval of a card, new ones wait for the next.
/// </summary>
public sealed class DeadLetterAlertRule(BotDatabase database, AlertState state, AlertPublisher publisher, IOptions<OperationsOptions> options, TimeProvider clock) : IOperationsWatcher
{
    public const string Rule = "dead-letter";
    private const int MaxReferences = 5;

    public async Task ObserveAsync(OperationsSnapshot snapshot, CancellationToken cancellationToken)
    {
        var seen = await state.GetAsync(Rule, cancellationToken);
        var now = clock.GetUtcNow();
        if (seen.LastPostedAt is { } last && now - last < options.Value.AlertRepeatInterval)
        {
            return;
        }

        var letters = await NewDeadLettersAsync(seen.Watermark, cancellationToken);
        if (letters.Count == 0 || !await state.TryMoveAsync(Rule, seen, new AlertStatus(now, letters.Max(l => l.Id), true), cancellationToken))
        {
            return;
        }

        var groups = letters.GroupBy(l => (l.Reason, l.Kind)).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} × {g.Key.Reason} ({g.Key.Kind})");
        var references = letters.Select(l => l.Reference).Where(r => !r.Contains(':', StringComparison.Ordinal)).Distinct().ToArray();
        var facts = new List<(string, string)>
        {
            ("Not delivered", letters.Count.ToString(CultureInfo.InvariantCulture)),
            ("Why", string.Join("; ", groups)),
        };
        if (references.Length > 0)
        {
            facts.Add(("Cases", string.Join(", ", references.Take(MaxReferences)) + (references.Length > MaxReferences ? $" and {references.Length - MaxReferences} more" : "")));
        }

        await publisher.PublishAsync(new AlertCard(
            Rule,
            letters.Count == 1 ? "A post to Teams was given up" : $"{letters.Count} posts to Teams were given up",
            facts,
            "Teams refused these posts for good, so the care team may not have seen these cases or updates. \"forbidden-bot-removed\": add the bot back to the team. " +
            "\"queue-unbound\" or \"conversation-gone\": bind the queue again in its channel (@SecondOpinionBot set queue …). Then open each case with " +
            "@SecondOpinionBot case SO-… in the queue's channel."), cancellationToken);
    }

    private async Task<List<(long Id, string Kind, string Reason, string Reference)>> NewDeadLettersAsync(long after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, dead_letter, case_reference FROM outbox WHERE dead_letter IS NOT NULL AND id > @after ORDER BY id LIMIT 1000";
        command.Parameters.AddWithValue("@after", after);
        var letters = new List<(long, string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return letters;
    }
}
