using System.Diagnostics;
using System.Globalization;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>Holder ids (as ProcessInstance writes them) of processes of this machine that have really stopped.</summary>
internal static class StoppedProcessIds
{
    /// <summary>Runs a process to its end and returns the id it would have had.</summary>
    public static string Of()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        var started = process.StartTime.ToUniversalTime().Ticks;
        process.WaitForExit();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{process.Id}/{started}/{Guid.NewGuid():N}");
    }
}
