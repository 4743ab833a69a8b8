namespace SecondOpinionBot.Storage.Protection;

/// <summary>
/// Loads the master key and the key ring at startup, so a missing or wrong master key stops the host with its message
/// before the first patient arrives, and the first instance creates the ring before any turn needs it.
/// </summary>
public sealed class ProtectionStartupCheck(IPatientDataProtector protector) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        const string subject = "startup-check";
        string? text;
        try
        {
            text = await protector.UnprotectAsync(subject, await protector.ProtectAsync(subject, "ok", cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || ex.IsDatabaseError())
        {
            // The database is not reachable yet: /healthz says so, and the check repeats at the first use.
            return;
        }

        if (text != "ok")
        {
            throw new InvalidOperationException("Encryption at rest does not round-trip; check DataProtection:MasterKey.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
