using System.Globalization;
using System.Text.Json;

namespace SecondOpinionBot.Bench.Load;

/// <summary>A target of the load run; <see cref="AtLeast"/> says which side of the limit passes.</summary>
public sealed record LoadTarget(string Description, double Value, double Limit, string Unit, bool AtLeast)
{
    public bool Passed => AtLeast ? Value >= Limit : Value <= Limit;
}

/// <summary>Prints the load run's tables, ratios and targets, and writes its JSON summary.</summary>
public static class LoadReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The concurrency the ratio targets are judged at: 8, or the nearest one run.</summary>
    public static int TargetConcurrency(LoadResult result) =>
        result.Closed.Keys.OrderBy(c => Math.Abs(c - 8)).ThenBy(c => c).FirstOrDefault();

    public static IReadOnlyList<LoadTarget> Targets(LoadResult result)
    {
        var targets = new List<LoadTarget>();
        if (result.Closed.TryGetValue(TargetConcurrency(result), out var at) && at.Count == 3)
        {
            var c = TargetConcurrency(result);
            targets.Add(new($"our host's echo turns/s vs the SDK echo sample, c={c}", Ratio(at[HostKind.OurEcho].TurnsPerSecond, at[HostKind.SdkEcho].TurnsPerSecond), 0.9, "x", AtLeast: true));
            targets.Add(new($"whole-journey turns/s vs our host's echo, c={c}", Ratio(at[HostKind.Journey].TurnsPerSecond, at[HostKind.OurEcho].TurnsPerSecond), 0.9, "x", AtLeast: true));
        }

        if (result.OpenLoops.FirstOrDefault(o => o.Scenario.Name == result.CapacityScenario) is { } capacity)
        {
            targets.Add(new($"open loop at 70% of closed-loop capacity ({capacity.Scenario.Active} conversations, {capacity.Scenario.Think.TotalSeconds:0.##} s think) p99", Percentiles.Of(capacity.Stats.SortedMillis, 0.99), 250, "ms", AtLeast: false));
        }

        // The issue's goal once the echo cost was cut: 1,000 patients active at once, thinking 15 s between answers.
        if (result.OpenLoops.FirstOrDefault(o => o.Scenario.Active >= 1000 && o.Scenario.Think >= TimeSpan.FromSeconds(15)) is { } goal)
        {
            targets.Add(new($"goal: {goal.Scenario.Active:#,0} active conversations at {goal.Scenario.Think.TotalSeconds:0.##} s think p99", Percentiles.Of(goal.Stats.SortedMillis, 0.99), 250, "ms", AtLeast: false));
        }

        // Every row the run left, the ones the host deletes within a day too (a busy day holds a day of them).
        if (result.Storage.Count > 0)
        {
            targets.Add(new("stored state per finished conversation, every row counted", result.Storage.Sum(t => t.BytesPerConversation), 4096, "bytes", AtLeast: false));
        }

        var emergency = result.EmergencyMicros.Order().ToArray();
        targets.Add(new($"emergency check p95 inside the loaded host ({emergency.Length:#,0} messages)", Percentiles.Of(emergency, 0.95), 200, "µs", AtLeast: false));
        var phases = result.Closed.Values.SelectMany(m => m.Values).Concat(result.OpenLoops.Select(o => o.Stats)).ToList();
        targets.Add(new($"errors in every phase (turns unanswered, questions asked three times, journeys without a case; {phases.Sum(p => p.Turns):#,0} turns)", phases.Sum(p => p.Errors) + result.WarmupErrors, 0, "errors", AtLeast: false));
        return targets;
    }

    /// <summary>Prints everything; true when every target passed.</summary>
    public static bool Print(TextWriter output, LoadResult result)
    {
        output.WriteLine();
        output.WriteLine($"Closed loop (each host's turns interleaved round by round; a journey is {result.TurnsPerJourney:0.0} turns, echo conversations as long):");
        output.WriteLine($"{"c",3} {"host",-20} {"turns",7} {"turns/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"CPU ms/turn",12} {"errors",7}");
        foreach (var (concurrency, hosts) in result.Closed)
        {
            foreach (var stats in hosts.Values.OrderBy(s => s.Host))
            {
                var sorted = stats.SortedMillis;
                output.WriteLine($"{concurrency,3} {HostProcess.Label(stats.Host),-20} {stats.Turns,7} {F(stats.TurnsPerSecond),8} {F(Percentiles.Of(sorted, 0.5)),8} {F(Percentiles.Of(sorted, 0.95)),8} {F(Percentiles.Of(sorted, 0.99)),8} {F(stats.CpuMsPerTurn),12} {stats.Errors,7}");
            }
        }

        output.WriteLine();
        output.WriteLine("Ratios (same run): journey ÷ SDK echo sample, journey ÷ our echo, our echo ÷ SDK echo sample");
        output.WriteLine($"{"c",3} {"measure",-14} {"journey/sdk",12} {"journey/echo",13} {"echo/sdk",9}");
        foreach (var (concurrency, hosts) in result.Closed.Where(c => c.Value.Count == 3))
        {
            var (sdk, echo, journey) = (hosts[HostKind.SdkEcho], hosts[HostKind.OurEcho], hosts[HostKind.Journey]);
            RatioLine(output, concurrency, "turns/s", s => s.TurnsPerSecond, sdk, echo, journey);
            RatioLine(output, concurrency, "p95", s => Percentiles.Of(s.SortedMillis, 0.95), sdk, echo, journey);
            RatioLine(output, concurrency, "CPU per turn", s => s.CpuMsPerTurn, sdk, echo, journey);
        }

        output.WriteLine();
        output.WriteLine($"Open loop on our host (fixed active conversations, think time between turns, measured {result.Options.OpenMeasure.TotalSeconds:0} s after a ramp of one think time):");
        output.WriteLine($"{"scenario",-32} {"turns",6} {"turns/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"CPU ms/turn",12} {"errors",7} {"peak WS MB",11} {"heap MB/1k conv",16}");
        foreach (var open in result.OpenLoops)
        {
            var sorted = open.Stats.SortedMillis;
            var heapPer1000 = (open.LiveHeapBytes - result.IdleHeapBytes) * 1000.0 / open.Scenario.Active / (1024 * 1024);
            output.WriteLine($"{open.Scenario.Name,-32} {open.Stats.Turns,6} {F(open.Stats.TurnsPerSecond),8} {F(Percentiles.Of(sorted, 0.5)),8} {F(Percentiles.Of(sorted, 0.95)),8} {F(Percentiles.Of(sorted, 0.99)),8} {F(open.Stats.CpuMsPerTurn),12} {open.Stats.Errors,7} {F(open.PeakWorkingSet / 1048576.0),11} {F(heapPer1000),16}");
        }

        output.WriteLine($"idle (after the closed loops): working set {F(result.IdleWorkingSet / 1048576.0)} MB, live managed heap {F(result.IdleHeapBytes / 1048576.0)} MB; closed-loop capacity {F(result.Capacity)} turns/s");
        output.WriteLine();
        var handoffs = result.OpenLoops.Where(o => o.Handoff is not null).Select(o => o.Handoff!).Prepend(result.Handoff).ToList();
        var handoffMillis = handoffs.SelectMany(h => h.SortedMillis).Order().ToArray();
        output.WriteLine($"Handoff (confirm sent → staff card at the connector): {handoffs.Sum(h => h.Cases)} cases, {handoffs.Sum(h => h.Missing)} cards missing, " +
            $"p50 {F(Percentiles.Of(handoffMillis, 0.5))} ms, p95 {F(Percentiles.Of(handoffMillis, 0.95))} ms, max {F(handoffMillis.LastOrDefault())} ms");
        var emergency = result.EmergencyMicros.Order().ToArray();
        output.WriteLine($"Emergency check inside the loaded host: {emergency.Length:#,0} messages, p50 {F(Percentiles.Of(emergency, 0.5))} µs, p95 {F(Percentiles.Of(emergency, 0.95))} µs, p99 {F(Percentiles.Of(emergency, 0.99))} µs");
        var lease = result.LeaseMicros.Order().ToArray();
        output.WriteLine($"Turn lease (acquire + release, measured only: #12 owns it) inside the loaded host: {lease.Length:#,0} times, p50 {F(Percentiles.Of(lease, 0.5) / 1000)} ms, p95 {F(Percentiles.Of(lease, 0.95) / 1000)} ms, p99 {F(Percentiles.Of(lease, 0.99) / 1000)} ms");
        output.WriteLine();
        if (result.Storage.Count == 0)
        {
            output.WriteLine($"Stored bytes per table: not measured ({result.FinishedConversations} cases).");
        }
        else
        {
            output.WriteLine($"Stored after the closed loops, per finished conversation ({result.FinishedConversations} cases, {(result.Options.Postgres is null ? "SQLite" : "PostgreSQL")}):");
            output.WriteLine($"{"table",-24} {"rows",7} {"bytes/conv",11} {"kept/conv",10} {"max row bytes",14}");
            foreach (var table in result.Storage.Where(t => t.Rows > 0))
            {
                output.WriteLine($"{table.Table,-24} {table.Rows,7} {F(table.BytesPerConversation),11} {F(table.KeptPerConversation),10} {table.MaxRowBytes,14}");
            }

            output.WriteLine($"{"total",-24} {"",7} {F(result.Storage.Sum(t => t.BytesPerConversation)),11} {F(result.Storage.Sum(t => t.KeptPerConversation)),10}");
            output.WriteLine($"(bytes/conv counts every row; kept/conv leaves out rows the host deletes within a day: {string.Join("; ", StoredBytes.Transient.Select(t => $"{t.Key} where {t.Value}"))})");
        }

        var failures = result.Closed.Values.SelectMany(m => m.Values).Concat(result.OpenLoops.Select(o => o.Stats)).SelectMany(s => s.FailureReasons)
            .GroupBy(f => f.Key).Select(g => $"{g.Key}: {g.Sum(f => f.Value)}").ToList();
        if (failures.Count > 0 || result.WarmupErrors > 0 || result.UnroutedActivities > 0)
        {
            output.WriteLine($"Failures: {string.Join("; ", failures)}; warm-up {result.WarmupErrors}; activities to unknown conversations {result.UnroutedActivities}");
        }

        output.WriteLine();
        var targets = Targets(result);
        if (result.Options.Smoke)
        {
            output.WriteLine("Smoke run: targets are not judged on a few journeys.");
        }
        else
        {
            foreach (var t in targets)
            {
                output.WriteLine($"{(t.Passed ? "PASS" : "FAIL")}  {t.Description}: {F(t.Value)} {t.Unit} ({(t.AtLeast ? "at least" : "limit")} {F(t.Limit)} {t.Unit})");
            }
        }

        output.WriteLine($"\nload total {result.Seconds:0} s, load average now {LoadRun.LoadAverage()}");
        return targets.All(t => t.Passed);
    }

    public static string Json(LoadResult result)
    {
        static object Summary(PhaseStats s)
        {
            var sorted = s.SortedMillis;
            return new
            {
                host = s.Host.ToString(), turns = s.Turns, finished = s.Finished, errors = s.Errors, seconds = s.Seconds,
                turnsPerSecond = s.TurnsPerSecond, p50Ms = Percentiles.Of(sorted, 0.5), p95Ms = Percentiles.Of(sorted, 0.95),
                p99Ms = Percentiles.Of(sorted, 0.99), cpuMsPerTurn = s.CpuMsPerTurn, failures = s.FailureReasons,
            };
        }

        var emergency = result.EmergencyMicros.Order().ToArray();
        var handoff = result.Handoff.SortedMillis;
        var summary = new
        {
            date = DateTimeOffset.UtcNow.ToString("O", Invariant),
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString(), loadAverage = LoadRun.LoadAverage() },
            settings = new
            {
                result.Options.Conversations, result.Options.Concurrency, result.Options.Rounds,
                open = result.Options.Open.Select(o => o.Name), openMeasureSeconds = result.Options.OpenMeasure.TotalSeconds,
                result.Options.Smoke, result.Options.Telemetry, configuration = BuildOutput.BuildConfiguration,
            },
            turnsPerJourney = result.TurnsPerJourney,
            closed = result.Closed.ToDictionary(c => c.Key.ToString(Invariant), c => c.Value.Values.Select(Summary)),
            open = result.OpenLoops.Select(o => new
            {
                scenario = o.Scenario.Name, active = o.Scenario.Active, thinkSeconds = o.Scenario.Think.TotalSeconds, stats = Summary(o.Stats),
                peakWorkingSetBytes = o.PeakWorkingSet, liveHeapBytes = o.LiveHeapBytes,
                liveHeapBytesPer1000Conversations = (o.LiveHeapBytes - result.IdleHeapBytes) * 1000.0 / o.Scenario.Active,
            }),
            capacityTurnsPerSecond = result.Capacity,
            idle = new { workingSetBytes = result.IdleWorkingSet, liveHeapBytes = result.IdleHeapBytes },
            handoff = new { cases = result.Handoff.Cases, missing = result.Handoff.Missing, p50Ms = Percentiles.Of(handoff, 0.5), p95Ms = Percentiles.Of(handoff, 0.95), maxMs = handoff.LastOrDefault() },
            lease = new { samples = result.LeaseMicros.Count, p50Micros = Percentiles.Of([.. result.LeaseMicros.Order()], 0.5), p95Micros = Percentiles.Of([.. result.LeaseMicros.Order()], 0.95) },
            emergency = new { messages = emergency.Length, p50Micros = Percentiles.Of(emergency, 0.5), p95Micros = Percentiles.Of(emergency, 0.95), p99Micros = Percentiles.Of(emergency, 0.99) },
            storage = new { finishedConversations = result.FinishedConversations, bytesPerConversation = result.Storage.Sum(t => t.BytesPerConversation), keptBytesPerConversation = result.Storage.Sum(t => t.KeptPerConversation), tables = result.Storage },
            targets = result.Options.Smoke ? [] : Targets(result).Select(t => new { t.Description, t.Value, t.Limit, t.Unit, t.AtLeast, t.Passed }),
            errors = result.HasErrors,
            seconds = result.Seconds,
        };
        return JsonSerializer.Serialize(summary, JsonOptions);
    }

    private static void RatioLine(TextWriter output, int concurrency, string measure, Func<PhaseStats, double> value, PhaseStats sdk, PhaseStats echo, PhaseStats journey) =>
        output.WriteLine($"{concurrency,3} {measure,-14} {Ratio(value(journey), value(sdk)),11:0.00}x {Ratio(value(journey), value(echo)),12:0.00}x {Ratio(value(echo), value(sdk)),8:0.00}x");

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    private static string F(double value) => value switch
    {
        >= 1000 => value.ToString("#,0", Invariant),
        >= 10 => value.ToString("0.0", Invariant),
        _ => value.ToString("0.00", Invariant),
    };
}
