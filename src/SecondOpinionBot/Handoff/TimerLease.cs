using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// One instance at a time runs a timer job (the overdue reminders): a row per job names the owner until a time; an
/// instance takes it when it is free, expired or already its own. A crashed owner's lease runs out by itself.
/// </summary>
public sealed class TimerLease(BotDatabase database, TimeProvider clock)
{
    public async Task<bool> TryAcquireAsync(string job, string owner, TimeSpan length, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO timer_leases (name, owner, lease_until) VALUES (@name, @owner, @until)
            ON CONFLICT (name) DO UPDATE SET owner = @owner, lease_until = @until
            WHERE timer_leases.lease_until <= @now OR timer_leases.owner = @owner
            """;
        command.Parameters.AddWithValue("@name", job);
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@until", now + length);
        command.Parameters.AddWithValue("@now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
