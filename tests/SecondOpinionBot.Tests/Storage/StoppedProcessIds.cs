using System.Diagnostics;
using System.Globalization;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>Holder ids (as ProcessInstance writes them) of processes of this machine that have really stopped.</summary>
internal static class StoppedProcessIds
{
    /// <summary>Starts a process, reads its start time while it surely runs, ends it, and returns the id it would have had.</summary>
    public static string Of()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var started = process.StartTime.ToUniversalTime().Ticks;
        process.Kill();
        process.WaitForExit();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{process.Id}/{started}/{Guid.NewGuid():N}");
    }
}
