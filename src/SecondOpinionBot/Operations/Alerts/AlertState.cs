using SecondOpinionBot.Handoff;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Alerts;

/// <summary>What a rule last did: when it last posted, how far it has reported (dead letters), and whether its condition is raised.</summary>
public sealed record AlertStatus(DateTimeOffset? LastPostedAt, long Watermark, bool Active);

/// <summary>
/// Each rule's state in the database, changed only by compare-and-set: with several instances sharing the database,
/// exactly one of them wins the right to post each card.
/// </summary>
public sealed class AlertState(BotDatabase database)
{
    public async Task<AlertStatus> GetAsync(string rule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO operations_alerts (rule) VALUES (@rule) ON CONFLICT (rule) DO NOTHING;
            SELECT last_posted_at, watermark, active FROM operations_alerts WHERE rule = @rule;
            """;
        command.Parameters.AddWithValue("@rule", rule);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AlertStatus(reader.IsDBNull(0) ? null : reader.GetTime(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) == 1);
    }

    /// <summary>Moves the rule from <paramref name="seen"/> to <paramref name="next"/>; false when another instance moved it first.</summary>
    public async Task<bool> TryMoveAsync(string rule, AlertStatus seen, AlertStatus next, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE operations_alerts SET last_posted_at = @nextPosted, watermark = @nextWatermark, active = @nextActive
            WHERE rule = @rule AND (last_posted_at = @seenPosted OR (last_posted_at IS NULL AND @seenNever = 1)) AND watermark = @seenWatermark AND active = @seenActive
            """;
        command.Parameters.AddWithValue("@rule", rule);
        command.Parameters.AddWithValue("@nextPosted", next.LastPostedAt);
        command.Parameters.AddWithValue("@nextWatermark", next.Watermark);
        command.Parameters.AddWithValue("@nextActive", next.Active ? 1 : 0);
        command.Parameters.AddWithValue("@seenPosted", seen.LastPostedAt ?? DateTimeOffset.UnixEpoch);
        command.Parameters.AddWithValue("@seenNever", seen.LastPostedAt is null ? 1 : 0);
        command.Parameters.AddWithValue("@seenWatermark", seen.Watermark);
        command.Parameters.AddWithValue("@seenActive", seen.Active ? 1 : 0);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
