using System.Data.Common;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Handoff;

public sealed class SqliteQueueBindingStore(BotDatabase database) : IQueueBindingStore
{
    private const string Columns = "queue, team_id, channel_id, service_url, tenant_id, bound_by, bound_at";

    public async Task SaveAsync(QueueBinding binding, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO queue_bindings ({Columns}) VALUES (@queue, @team, @channel, @url, @tenant, @by, @at)
            ON CONFLICT (queue) DO UPDATE SET team_id = @team, channel_id = @channel, service_url = @url,
                tenant_id = @tenant, bound_by = @by, bound_at = @at
            """;
        command.Parameters.AddWithValue("@queue", binding.Queue);
        command.Parameters.AddWithValue("@team", binding.TeamId);
        command.Parameters.AddWithValue("@channel", binding.ChannelId);
        command.Parameters.AddWithValue("@url", binding.ServiceUrl);
        command.Parameters.AddWithValue("@tenant", binding.TenantId);
        command.Parameters.AddWithValue("@by", binding.BoundBy);
        command.Parameters.AddWithValue("@at", binding.BoundAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<QueueBinding?> FindAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM queue_bindings WHERE queue = @queue";
        command.Parameters.AddWithValue("@queue", queue);
        var all = await ReadAllAsync(command, cancellationToken);
        return all.Count == 0 ? null : all[0];
    }

    public async Task<IReadOnlyList<QueueBinding>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM queue_bindings ORDER BY queue";
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<QueueBinding>> FindByChannelAsync(string teamId, string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM queue_bindings WHERE team_id = @team AND channel_id = @channel ORDER BY queue";
        command.Parameters.AddWithValue("@team", teamId);
        command.Parameters.AddWithValue("@channel", channelId);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task AllowMoveAsync(string queue, string requestedBy, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO queue_moves (queue, requested_by, expires_at) VALUES (@queue, @by, @until)
            ON CONFLICT (queue) DO UPDATE SET requested_by = @by, expires_at = @until
            """;
        command.Parameters.AddWithValue("@queue", queue);
        command.Parameters.AddWithValue("@by", requestedBy);
        command.Parameters.AddWithValue("@until", expiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> TakeMoveAsync(string queue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // One conditional delete: of two channels asking at once, only one removes the row.
        command.CommandText = "DELETE FROM queue_moves WHERE queue = @queue AND expires_at > @now";
        command.Parameters.AddWithValue("@queue", queue);
        command.Parameters.AddWithValue("@now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<QueueBinding>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var bindings = new List<QueueBinding>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bindings.Add(new QueueBinding(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetTime(6)));
        }

        return bindings;
    }
}
