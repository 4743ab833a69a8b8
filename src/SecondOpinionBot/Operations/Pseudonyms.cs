using System.Security.Cryptography;
using System.Text;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations;

/// <summary>
/// Keyed hashes (HMAC-SHA-256, truncated) of ids that must be correlated without being readable: conversation ids on
/// spans, owner keys in the journey table. The key is generated once and kept in the database, so the same id hashes the
/// same on every instance and after a restart, and nobody without the database can test a guessed id against a hash.
/// </summary>
public sealed class Pseudonyms(BotDatabase database)
{
    private const string KeyName = "pseudonym-hmac";
    private readonly Lock _gate = new();
    private Task<byte[]>? _key;

    public async ValueTask<string> HashAsync(string value, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync().WaitAsync(cancellationToken);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value), mac);
        return Convert.ToHexStringLower(mac[..12]);
    }

    private Task<byte[]> KeyAsync()
    {
        lock (_gate)
        {
            if (_key is null || _key.IsFaulted || _key.IsCanceled)
            {
                _key = LoadOrCreateAsync();
            }

            return _key;
        }
    }

    private async Task<byte[]> LoadOrCreateAsync()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        // Two instances starting together both try; the first insert wins and both read the same key.
        command.CommandText = """
            INSERT INTO operations_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING;
            SELECT value FROM operations_keys WHERE name = @name;
            """;
        command.Parameters.AddWithValue("@name", KeyName);
        command.Parameters.AddWithValue("@value", RandomNumberGenerator.GetBytes(32));
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}
