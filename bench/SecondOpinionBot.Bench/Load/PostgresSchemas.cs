using Npgsql;

namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// With --postgres, each of our hosts gets its own schema of the given database (its connection string's Search
/// Path): the echo host's rows are not counted as the journey's, and cases of earlier runs are not counted at all.
/// </summary>
public static class PostgresSchemas
{
    public static async Task<string> CreateAsync(string connectionString, HostKind kind)
    {
        var schema = $"so_load_{kind.ToString().ToLowerInvariant()}_{Guid.NewGuid():N}"[..32];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
    }

    public static string SchemaOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).SearchPath!;

    public static async Task DropAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = builder.SearchPath!;
        builder.SearchPath = null;
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
