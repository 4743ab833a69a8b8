using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// The key that protects Data Protection's key ring, never stored in the database: from DataProtection:MasterKey, else
/// from DataProtection:MasterKeyFile, else (outside Production) a generated "master.key" file beside the database, so a
/// newcomer's first <c>dotnet run</c> just works. Production must configure one of the two settings.
/// </summary>
public sealed class MasterKey
{
    public const string DefaultFileName = "master.key";

    private readonly Lazy<(byte[] Bytes, string Id)> _key;

    public MasterKey(IOptions<ProtectionOptions> options, BotDatabase database, IHostEnvironment environment)
    {
        // Loaded at first use (the startup check), so a database folder that cannot be made yet shows in /healthz.
        _key = new Lazy<(byte[], string)>(() =>
        {
            var settings = options.Value;
            var bytes = !string.IsNullOrWhiteSpace(settings.MasterKey)
                ? Decode(settings.MasterKey, "DataProtection:MasterKey")
                : FromFile(settings.MasterKeyFile, Path.GetDirectoryName(database.FilePath)!, environment);
            return (bytes, Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant());
        }, LazyThreadSafetyMode.PublicationOnly); // A failure is not remembered: the next use tries again.
    }

    public byte[] Bytes => _key.Value.Bytes;

    /// <summary>A fingerprint (not the key) recorded with the key ring, so a mismatched key gives a clear error.</summary>
    public string Id => _key.Value.Id;

    private static byte[] FromFile(string? configured, string databaseFolder, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configured) && environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Set DataProtection:MasterKey (base64, 32 bytes, from a secret store or the environment) or DataProtection:MasterKeyFile " +
                "(a mounted secret file). It protects the keys that encrypt patient data; it must not live in the database.");
        }

        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultFileName : configured, databaseFolder);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException($"DataProtection:MasterKeyFile '{path}' does not exist.");
            }

            PrivateFiles.EnsureFolder(databaseFolder);
            try
            {
                PrivateFiles.WriteNew(path, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance made it first: use theirs.
            }
        }

        return Decode(File.ReadAllText(path).Trim(), path);
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The master key in {source} is not base64.");
        }

        return bytes.Length >= 32
            ? bytes[..32]
            : throw new InvalidOperationException($"The master key in {source} must be at least 32 bytes (base64 of 32 random bytes: openssl rand -base64 32).");
    }
}
