using System.Globalization;

namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// The soak (README, Benchmarks; outside CI): <c>load --soak N</c> runs N whole journeys on our host, after the usual
/// warm-up, in batches of 1,000 at the first <c>--concurrency</c>. After each batch it prints throughput, CPU per turn,
/// errors, the live managed heap after a full GC and the working set, so growth shows batch by batch. At the end it
/// checks every confirmed journey has exactly one case in the database and one staff card at the connector.
/// </summary>
internal static class SoakRun
{
    private const int Batch = 1_000;

    public static async Task<bool> RunAsync(HostProcess host, FakeConnector connector, PromptMatcher prompts, LoadOptions options, ProgressLine progress, TextWriter output)
    {
        var concurrency = options.Concurrency[0];
        var casesBefore = await LoadRun.CountAsync(host, "SELECT COUNT(*) FROM cases");
        var startHeap = await host.LiveHeapBytesAsync();
        output.WriteLine($"soak: {options.Soak:N0} journeys at concurrency {concurrency}, {Batch:N0} per batch; live heap at the start {Mb(startHeap)} MB, working set {Mb(host.WorkingSet.Current)} MB");
        output.WriteLine($"{"journeys",9} {"turns",9} {"turns/s",8} {"p99 ms",8} {"CPU ms/turn",12} {"errors",7} {"heap MB",8} {"WS MB",7} {"load avg",16}");
        var confirmed = new List<(string Reference, long Start)>();
        var done = 0;
        var turns = 0L;
        var errors = 0;
        var reasons = new Dictionary<string, int>();
        while (done < options.Soak)
        {
            var size = Math.Min(Batch, options.Soak - done);
            var stats = await LoadRun.ClosedAsync(host, connector, prompts, concurrency, size, 0, progress, $"soak {done + size:N0}/{options.Soak:N0}");
            done += size;
            turns += stats.Turns;
            errors += stats.Errors;
            foreach (var (reason, count) in stats.FailureReasons)
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + count;
            }

            confirmed.AddRange(stats.ConfirmedCases);
            var heap = await host.LiveHeapBytesAsync();
            progress.Clear();
            output.WriteLine($"{done,9:N0} {turns,9:N0} {stats.TurnsPerSecond,8:0} {Percentiles.Of(stats.SortedMillis, 0.99),8:0.0} {stats.CpuMsPerTurn,12:0.00} {errors,7} {Mb(heap),8} {Mb(host.WorkingSet.Current),7} {LoadRun.LoadAverage(),16}");
        }

        var handoff = await LoadRun.HandoffLatencyAsync(connector, confirmed);
        var cases = await LoadRun.CountAsync(host, "SELECT COUNT(*) FROM cases") - casesBefore;
        var duplicated = await LoadRun.CountAsync(host, "SELECT COUNT(*) - COUNT(DISTINCT owner_key) FROM cases");
        var endHeap = await host.LiveHeapBytesAsync();
        output.WriteLine();
        output.WriteLine($"soak: {done:N0} journeys, {turns:N0} turns, {errors} errors{(reasons.Count == 0 ? "" : " (" + string.Join(", ", reasons.Select(r => $"{r.Key}: {r.Value}")) + ")")}");
        output.WriteLine($"cases: {confirmed.Count:N0} confirmed by patients, {cases:N0} new in the database, {duplicated} duplicated (two cases of one patient), {handoff.Missing} staff cards missing");
        output.WriteLine($"live managed heap {Mb(startHeap)} MB at the start, {Mb(endHeap)} MB at the end ({(endHeap - startHeap) / 1024.0 / options.Soak:0.00} KB per journey); working set {Mb(host.WorkingSet.Current)} MB, peak {Mb(host.WorkingSet.Peak)} MB");
        var lost = confirmed.Count - cases;
        var passed = errors == 0 && lost == 0 && duplicated == 0 && handoff.Missing == 0 && confirmed.Count == done;
        output.WriteLine($"{(passed ? "PASS" : "FAIL")}  soak of {done:N0} journeys: {errors} errors, {Math.Max(0, lost)} lost and {duplicated} duplicated cases, {handoff.Missing} missing staff cards (all must be 0)");
        return passed;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
