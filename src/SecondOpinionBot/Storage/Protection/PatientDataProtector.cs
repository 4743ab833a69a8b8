using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// Envelope encryption: content is AES-256-GCM under the subject's own data key (with the subject as associated data,
/// so a value copied to another subject's row does not decrypt; the stored form is <see cref="PatientDataFormat"/>'s);
/// the data key is stored wrapped by ASP.NET Core Data
/// Protection, whose key ring is itself protected by the master key. Written here rather than with Data Protection
/// alone because Data Protection's keys are shared by everything it protects: erasing one patient needs a key of their
/// own that can be deleted.
/// Every use reads the subject's wrapped key from the database (one primary-key read; once per turn inside a turn, see
/// <see cref="PatientKeyScope"/>), so a shred takes effect at once on every instance; only the unwrapping (a Data
/// Protection call) is cached, by the wrapped value, and a shred evicts it.
/// A key unwrapped before a shred can no longer be found: its wrapped value is gone from the table (zeroed by
/// secure_delete in SQLite), and a new key for the same subject has a different wrapped value.
/// </summary>
public sealed class PatientDataProtector(BotDatabase database, IDataProtectionProvider dataProtection, TimeProvider clock) : IPatientDataProtector
{
    /// <summary>What every value written now starts with (<see cref="PatientDataFormat"/>: compressed, then encrypted).</summary>
    public const string Prefix = PatientDataFormat.Current;

    private const int MaxCachedKeys = 10_000;

    private readonly IDataProtector _wrapper = dataProtection.CreateProtector("SecondOpinionBot.PatientDataKeys.v1");

    /// <summary>Unwrapped keys by subject, each with the wrapped value it came from: a hit needs the same wrapped value now.</summary>
    private readonly ConcurrentDictionary<string, (string Wrapped, byte[] Key)> _unwrapped = new(StringComparer.Ordinal);

    public ValueTask<string> ProtectAsync(string subject, string plaintext, CancellationToken cancellationToken)
        => SealAsync(subject, plaintext, PatientDataCompression.Frequent, cancellationToken);

    public ValueTask<string> ProtectKeptAsync(string subject, string plaintext, CancellationToken cancellationToken)
        => SealAsync(subject, plaintext, PatientDataCompression.Kept, cancellationToken);

    public ValueTask<string> ProtectBrieflyAsync(string subject, string plaintext, CancellationToken cancellationToken)
        => SealAsync(subject, plaintext, PatientDataCompression.None, cancellationToken);

    private async ValueTask<string> SealAsync(string subject, string plaintext, PatientDataCompression compression, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = await GetKeyAsync(subject, create: true, cancellationToken) ?? throw new InvalidOperationException("No data key.");
        return PatientDataFormat.Seal(key, subject, plaintext, compression);
    }

    public async ValueTask<string?> UnprotectAsync(string subject, string stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!PatientDataFormat.IsSealed(stored))
        {
            return stored; // Written before encryption at rest; encrypted again on its next write.
        }

        var key = await GetKeyAsync(subject, create: false, cancellationToken);
        return key is null ? null : PatientDataFormat.Open(key, subject, stored);
    }

    public async Task ShredAsync(string subject, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM patient_keys WHERE subject = @subject";
            command.Parameters.AddWithValue("@subject", subject);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // After the delete, so a use that unwrapped the key while it was being deleted cannot leave it behind.
        Evict(subject);
        PatientKeyScope.Current?.Wrapped.TryRemove(subject, out _);
    }

    /// <summary>How many unwrapped keys are held in memory (for tests of eviction).</summary>
    internal int CachedKeyCount => _unwrapped.Count;

    internal bool HoldsKeyOf(string subject) => _unwrapped.ContainsKey(subject);

    private void Evict(string subject)
    {
        // Not zeroed: a turn running now may still be using the array; unreachable, it is collected.
        _unwrapped.TryRemove(subject, out _);
    }

    private async Task<byte[]?> GetKeyAsync(string subject, bool create, CancellationToken cancellationToken)
    {
        // Read first, so a caller inside a write transaction never needs the write lock for a key that exists.
        var wrapped = await ReadWrappedAsync(subject, cancellationToken);
        if (wrapped is null && create)
        {
            // Insert unless present, then read: two turns creating the same subject's key at once agree on the stored one.
            var fresh = RandomNumberGenerator.GetBytes(32);
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO patient_keys (subject, wrapped_key, created_at) VALUES (@subject, @wrapped, @now) ON CONFLICT (subject) DO NOTHING";
                insert.Parameters.AddWithValue("@subject", subject);
                insert.Parameters.AddWithValue("@wrapped", Convert.ToBase64String(_wrapper.Protect(fresh)));
                insert.Parameters.AddWithValue("@now", clock.GetUtcNow());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            CryptographicOperations.ZeroMemory(fresh);
            wrapped = await ReadWrappedAsync(subject, cancellationToken);
        }

        if (wrapped is null)
        {
            Evict(subject); // Shredded, perhaps by another instance: drop what this one still held.
            return null;
        }

        if (_unwrapped.TryGetValue(subject, out var cached) && string.Equals(cached.Wrapped, wrapped, StringComparison.Ordinal))
        {
            return cached.Key;
        }

        var key = _wrapper.Unprotect(Convert.FromBase64String(wrapped));
        if (_unwrapped.Count >= MaxCachedKeys)
        {
            // Bounded memory; which keys go does not matter, a miss costs one unwrap.
            foreach (var some in _unwrapped.Keys.Take(MaxCachedKeys / 10).ToList())
            {
                _unwrapped.TryRemove(some, out _);
            }
        }

        _unwrapped[subject] = (wrapped, key);
        return key;
    }

    private async Task<string?> ReadWrappedAsync(string subject, CancellationToken cancellationToken)
    {
        var scope = PatientKeyScope.Current;
        if (scope is not null && scope.Wrapped.TryGetValue(subject, out var known) && known is not null)
        {
            return known;
        }

        var wrapped = await ReadStoredWrappedAsync(subject, cancellationToken);
        if (scope is not null && wrapped is not null)
        {
            scope.Wrapped[subject] = wrapped;
        }

        return wrapped;
    }

    private async Task<string?> ReadStoredWrappedAsync(string subject, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT wrapped_key FROM patient_keys WHERE subject = @subject";
        select.Parameters.AddWithValue("@subject", subject);
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }
}
