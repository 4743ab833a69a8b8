using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Storage.Protection;

public static class ProtectionExtensions
{
    /// <summary>Encryption at rest: Data Protection with its key ring in the database under the master key, and per-patient data keys.</summary>
    public static IServiceCollection AddPatientDataProtection(this IServiceCollection services)
    {
        services.AddOptions<ProtectionOptions>().BindConfiguration(ProtectionOptions.Section);
        services.AddSingleton<IDatabaseSchema, PatientKeySchema>();
        services.AddSingleton<MasterKey>();
        services.AddSingleton<SqliteXmlRepository>();
        services.AddSingleton<MasterKeyXmlEncryptor>();
        // AES-256-GCM for new keys of the ring: each patient's wrapped data key is 96 bytes instead of 132 (CBC + HMAC)
        // and unwraps about three times faster. Keys made before keep the algorithm they were made with and still
        // unwrap what they wrapped; Data Protection moves to a new key (of this kind) when the current one expires.
        services.AddDataProtection().SetApplicationName("SecondOpinionBot").UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
        {
            EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
            ValidationAlgorithm = ValidationAlgorithm.HMACSHA256, // not used by GCM; the default, named for clarity
        });
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(keys =>
        {
            keys.XmlRepository = sp.GetRequiredService<SqliteXmlRepository>();
            keys.XmlEncryptor = sp.GetRequiredService<MasterKeyXmlEncryptor>();
        }));
        services.AddSingleton<IPatientDataProtector, PatientDataProtector>();
        services.AddHostedService<ProtectionStartupCheck>();
        services.AddSingleton<LegacyPlaintextMigration>();
        services.AddHostedService(sp => sp.GetRequiredService<LegacyPlaintextMigration>());
        return services;
    }
}
