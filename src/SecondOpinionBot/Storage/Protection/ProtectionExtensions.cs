using Microsoft.AspNetCore.DataProtection;
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
        services.AddDataProtection().SetApplicationName("SecondOpinionBot");
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
