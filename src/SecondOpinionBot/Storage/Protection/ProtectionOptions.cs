namespace SecondOpinionBot.Storage.Protection;

/// <summary>The master key that protects the key ring (section "DataProtection").</summary>
public sealed class ProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>Base64, at least 32 bytes. Set it from a secret store or the environment, never in appsettings.json.</summary>
    public string? MasterKey { get; set; }

    /// <summary>
    /// A file holding the base64 master key (for example a mounted secret). Relative paths are taken from the database's
    /// folder. When neither this nor <see cref="MasterKey"/> is set outside Production, "master.key" next to the
    /// database is used, generated at first start with mode 0600.
    /// </summary>
    public string? MasterKeyFile { get; set; }
}
