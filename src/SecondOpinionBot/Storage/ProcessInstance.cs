using System.Diagnostics;
using System.Globalization;

namespace SecondOpinionBot.Storage;

/// <summary>
/// Ids for what one running process holds in the database (turn tickets, outbox leases), and a test for "that process
/// has surely stopped", so a restarted instance need not wait for a dead one's heartbeat or lease to run out.
/// An id is "{machine}/{pid}/{process start, UTC ticks}/{random}". A holder is surely gone only when it names this
/// machine and no process with that pid and that start time runs here: after a crash and restart (also a container
/// restarted with the same hostname and pid 1) the old id is recognised at once. Anything else (another machine,
/// a process we may not inspect, an id in another format) is left to the expiry.
/// </summary>
public static class ProcessInstance
{
    private static readonly long StartTicks = StartTicksOf(Process.GetCurrentProcess()) ?? 0;

    /// <summary>A new id for a holder in this process.</summary>
    public static string NewId() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{StartTicks}/{Guid.NewGuid():N}");

    public static bool IsSurelyGone(string? holderId)
    {
        var parts = holderId?.Split('/');
        if (parts is not { Length: 4 }
            || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var started)
            || started == 0)
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return Differ(started, StartTicks); // Our pid, another start: the process before a restart (pid 1 in a container).
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartTicksOf(process) is { } ticks && Differ(ticks, started); // The pid was reused by a later process.
        }
        catch (ArgumentException)
        {
            return true; // No process with that pid runs on this machine.
        }
        catch (InvalidOperationException)
        {
            return true; // It exited while we looked.
        }
    }

    /// <summary>
    /// Start times are derived from the boot time, which the runtime may compute with a little jitter: only a gap of
    /// more than a second counts as another process (a closer one falls back to the expiry, the safe side).
    /// </summary>
    private static bool Differ(long a, long b) => Math.Abs(a - b) > TimeSpan.TicksPerSecond;

    private static long? StartTicksOf(Process process)
    {
        try
        {
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
