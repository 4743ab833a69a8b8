using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Options;

/// <summary>Catches the usual registration mistakes at startup, with words that say what to fix.</summary>
public sealed class BotAuthOptionsValidator : IValidateOptions<BotAuthOptions>
{
    private static readonly string[] AppTypes = ["SingleTenant", "MultiTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        if (options.IsLocalMode)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the bot's Application (client) ID, a GUID.");
        }

        if (!AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"MicrosoftAppType must be one of {string.Join(", ", AppTypes)}.");
        }

        var isManagedIdentity = string.Equals(options.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        var isMultiTenant = string.Equals(options.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase);
        if (!isMultiTenant && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            failures.Add("MicrosoftAppTenantId must be your Microsoft Entra tenant ID (a GUID) for SingleTenant and UserAssignedMSI bots.");
        }

        if (!isManagedIdentity && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword is empty: set the client secret's value (user secrets or an environment variable).");
        }
        else if (!isManagedIdentity && Guid.TryParse(options.MicrosoftAppPassword, out _))
        {
            failures.Add("MicrosoftAppPassword looks like the secret's ID (a GUID). Paste the secret's Value instead.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
