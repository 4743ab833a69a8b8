using System.Diagnostics;

namespace SecondOpinionBot.Bench;

/// <summary>
/// Runs every benchmark, prints each figure next to its baseline from the same run, then one PASS/FAIL line per
/// target. Exit code 1 if any target fails. Targets are documented in the README's Benchmarks section.
/// With the argument <c>emergency</c> only the emergency check runs (seconds, for checking a change to emergency.yaml);
/// with <c>engine</c> only the micro-benchmarks of a journey turn's own CPU (<see cref="EngineBench"/>); with
/// <c>turns</c> only the in-process whole turns against the echo host (<see cref="TurnBench"/>).
/// </summary>
public static class BenchProgram
{
    private const double KB = 1024;

    public static async Task<int> Main(string[] args)
    {
        var output = Console.Out;
        if (args is ["load", ..])
        {
            return await Load.LoadRun.RunAsync(Load.LoadOptions.Parse(args[1..]), output);
        }

        if (args is ["compression", ..])
        {
            return await CompressionBench.RunAsync(args[1..], output);
        }

        var total = Stopwatch.StartNew();
        output.WriteLine($"SecondOpinionBot benchmarks ({Environment.ProcessorCount} cores, {(Debugger.IsAttached ? "debugger" : "no debugger")}, {BuildConfiguration})");
        if (args.Contains("emergency", StringComparer.OrdinalIgnoreCase))
        {
            return EmergencyOnly(output, total);
        }

        if (args.Contains("engine", StringComparer.OrdinalIgnoreCase))
        {
            output.WriteLine("engine ...");
            Report.Print(output, EngineBench.Run(), []);
            output.WriteLine($"\ntotal {total.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }

        if (args.Contains("turns", StringComparer.OrdinalIgnoreCase))
        {
            output.WriteLine("turns ...");
            var only = await TurnBench.RunAsync();
            Report.Print(output, [.. TurnFigures(only)], []);
            output.WriteLine($"\ntotal {total.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }

        output.WriteLine($"storage ... (one op writes and reads {StorageBench.DocumentBytes():#,0} bytes of state JSON)");
        var storage = await StorageBench.RunAsync();
        output.WriteLine("turns ...");
        var turns = await TurnBench.RunAsync();
        output.WriteLine("emergency ...");
        var emergency = EmergencyBench.Run();

        Figure[] figures =
        [
            new("storage", "write p50", storage.Write.P50, storage.BaselineWrite.P50, "ms"),
            new("storage", "write p95", storage.Write.P95, storage.BaselineWrite.P95, "ms"),
            new("storage", "read p95", storage.Read.P95, storage.BaselineRead.P95, "ms"),
            new("storage", "write+read ops/s", 1000 / (storage.Write.TotalMillis + storage.Read.TotalMillis) * storage.Write.Count,
                1000 / (storage.BaselineWrite.TotalMillis + storage.BaselineRead.TotalMillis) * storage.BaselineWrite.Count, "ops/s"),
            new("storage", "allocated per write+read", storage.Write.BytesPerOp / KB, storage.BaselineWrite.BytesPerOp / KB, "KB"),
            .. TurnFigures(turns),
            .. EmergencyFigures(emergency),
        ];

        // Why these limits: README, Benchmarks. Latency limits that other load on a shared machine can move are
        // paired with a ratio to the baseline measured alongside; allocations do not depend on load.
        Target[] targets =
        [
            new("storage write p95", storage.Write.P95, 10, "ms"),
            new("storage allocations per op vs MemoryStorage", storage.Write.BytesPerOp / storage.BaselineWrite.BytesPerOp, 6, "x"),
            new("turn latency p95", turns.Subject.P95, 200, "ms"),
            new("turn latency p95 vs echo bot", turns.Subject.P95 / turns.Baseline.P95, 2.5, "x"),
            new("turn allocations", turns.Subject.BytesPerOp / KB / KB, 2, "MB"),
            EmergencyTarget(emergency),
        ];

        Report.Print(output, figures, targets);
        output.WriteLine($"\ntotal {total.Elapsed.TotalSeconds:0.0} s");
        return targets.All(t => t.Passed) ? 0 : 1;
    }

    private static int EmergencyOnly(TextWriter output, Stopwatch total)
    {
        output.WriteLine("emergency ...");
        var emergency = EmergencyBench.Run();
        Figure[] figures = [.. EmergencyFigures(emergency)];
        Target[] targets = [EmergencyTarget(emergency)];
        Report.Print(output, figures, targets);
        output.WriteLine($"\ntotal {total.Elapsed.TotalSeconds:0.0} s");
        return targets.All(t => t.Passed) ? 0 : 1;
    }

    private static IEnumerable<Figure> TurnFigures((Sample Subject, Sample Baseline) turns) =>
    [
        new("turn", "latency p50", turns.Subject.P50, turns.Baseline.P50, "ms"),
        new("turn", "latency p95", turns.Subject.P95, turns.Baseline.P95, "ms"),
        new("turn", "allocated per turn", turns.Subject.BytesPerOp / KB, turns.Baseline.BytesPerOp / KB, "KB"),
    ];

    private static IEnumerable<Figure> EmergencyFigures((Sample Subject, Sample Baseline, int SubjectFlagged, int BaselineFlagged) emergency) =>
    [
        new("emergency", "per message p50", emergency.Subject.P50 * 1000, emergency.Baseline.P50 * 1000, "µs"),
        new("emergency", "per message p95", emergency.Subject.P95 * 1000, emergency.Baseline.P95 * 1000, "µs"),
        new("emergency", "allocated per message", emergency.Subject.BytesPerOp / KB, emergency.Baseline.BytesPerOp / KB, "KB"),
        new("emergency", "flagged, of 10k messages", emergency.SubjectFlagged, emergency.BaselineFlagged, "msgs"),
    ];

    private static Target EmergencyTarget((Sample Subject, Sample Baseline, int SubjectFlagged, int BaselineFlagged) emergency) =>
        new("emergency check per message p95", emergency.Subject.P95 * 1000, 200, "µs");

#if DEBUG
    private const string BuildConfiguration = "Debug build: figures are not representative, use -c Release";
#else
    private const string BuildConfiguration = "Release";
#endif
}
