using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Storage;

/// <summary>
/// A lease in the database that lets one turn of a conversation run at a time, across threads and across instances
/// sharing the database. The SDK saves state without ETags (last writer wins), so two overlapping turns of one
/// conversation would otherwise lose one turn's answers. A crashed holder's lease expires.
/// </summary>
public sealed class ConversationTurnLock(SqliteDatabase database, IOptions<StorageOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public async Task<IAsyncDisposable> AcquireAsync(string conversationKey, CancellationToken cancellationToken)
    {
        using var span = Operations.Telemetry.BotTelemetry.StartTurnLease();
        var owner = Guid.NewGuid().ToString("N");
        var deadline = clock.GetUtcNow() + MaxWait;
        var delay = TimeSpan.FromMilliseconds(5);
        while (!await TryAcquireAsync(conversationKey, owner, cancellationToken))
        {
            if (clock.GetUtcNow() > deadline)
            {
                throw new TimeoutException("Another turn of this conversation is still running.");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }

        return new Lease(this, conversationKey, owner);
    }

    private async Task<bool> TryAcquireAsync(string key, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO turn_locks (conversation_key, owner, expires_at) VALUES ($key, $owner, $expires)
            ON CONFLICT(conversation_key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE turn_locks.expires_at < $now
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$expires", now + (options.Value.TurnLockSeconds * 1000L));
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task ReleaseAsync(string key, string owner)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM turn_locks WHERE conversation_key = $key AND owner = $owner";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$owner", owner);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Lease(ConversationTurnLock owner, string key, string id) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await owner.ReleaseAsync(key, id);
    }
}
