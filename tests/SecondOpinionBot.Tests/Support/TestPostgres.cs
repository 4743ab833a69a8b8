using Npgsql;

namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: SO_TEST_POSTGRES (test.sh starts a local server and sets it), else the same
/// local default. Each test gets its own schema on it (Search Path), dropped afterwards. Without a reachable server the
/// PostgreSQL tests are skipped with the reason, except in CI (CI=true), where they run and fail.
/// </summary>
public static class TestPostgres
{
    public const string Default = "Host=127.0.0.1;Port=5432;Username=so_test;Password=so_test;Database=so_test";

    private static readonly Lazy<string?> Unreachable = new(Probe);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SO_TEST_POSTGRES") is { Length: > 0 } configured ? configured : Default;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => Environment.GetEnvironmentVariable("CI") == "true" ? null : Unreachable.Value;

    /// <summary>A fresh, empty schema; the connection string that works in it.</summary>
    public static string CreateSchema(out string schema)
    {
        schema = "t_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE SCHEMA {schema}";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ToString();
    }

    public static void DropSchema(string schema)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS {schema} CASCADE";
        command.ExecuteNonQuery();
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 3 }.ToString());
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return $"no PostgreSQL server at {new NpgsqlConnectionStringBuilder(ConnectionString).Host} ({ex.GetType().Name}: {ex.Message}). " +
                "Run ./test.sh (it installs and starts one) or set SO_TEST_POSTGRES; in CI (CI=true) these tests run and fail instead.";
        }
    }
}
