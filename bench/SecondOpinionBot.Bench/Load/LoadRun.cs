using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// Whole conversations under load (README, Benchmarks). Starts three host processes — the SDK's echo sample, our host
/// with an echo bot, our host with our bot — and a fake Bot Connector; binds the staff queues; then runs closed loops
/// (each concurrency, the three hosts interleaved round by round so they share the machine's load alike) and open
/// loops (fixed active conversations with think time) on our bot, with the emergency check timed inside the loaded
/// host. Prints a table, ratios, PASS/FAIL per target and a JSON summary.
/// </summary>
public static class LoadRun
{
    public const string TenantId = "bench-tenant";

    /// <summary>
    /// Local mode stands in for Bot Framework authentication here. Its per-address limit on /api/messages exists because
    /// local mode cannot tell callers apart; every simulated patient comes from loopback, so it is lifted. The
    /// per-conversation limit that production applies after authentication stays as configured.
    /// </summary>
    private static readonly Dictionary<string, string> LocalModeStandIn = new()
    {
        ["RateLimits:LocalMessagesPerMinute"] = "100000",
        ["RateLimits:LocalMessagesBurst"] = "100000",
    };

    public static async Task<int> RunAsync(LoadOptions options, TextWriter output)
    {
        var total = Stopwatch.StartNew();
        output.WriteLine($"load: {Environment.ProcessorCount} cores, {BuildOutput.BuildConfiguration} build, load average {LoadAverage()}, " +
            $"{options.Conversations} journeys per concurrency in {options.Rounds} interleaved rounds, concurrency {string.Join(",", options.Concurrency)}" +
            (options.Telemetry ? ", OpenTelemetry on (no exporter)" : "") +
            (options.Postgres is null ? ", SQLite" : ", PostgreSQL"));
        var kinds = options.Hosts.Contains(HostKind.Journey) ? options.Hosts.ToArray() : [.. options.Hosts, HostKind.Journey];
        await using var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string>(LocalModeStandIn);
        if (options.Telemetry)
        {
            settings["Telemetry:Enabled"] = "true";
        }

        if (options.Postgres is not null)
        {
            settings["Storage:Provider"] = "PostgreSQL";
            settings["ConnectionStrings:Postgres"] = options.Postgres;
        }

        var postgres = new Dictionary<HostKind, string>();
        if (options.Postgres is not null)
        {
            foreach (var kind in kinds.Where(k => k != HostKind.SdkEcho))
            {
                postgres[kind] = await PostgresSchemas.CreateAsync(options.Postgres, kind);
            }
        }

        var starting = kinds.Select(k => HostProcess.StartAsync(k, TenantId, postgres.TryGetValue(k, out var own)
            ? new Dictionary<string, string>(settings) { ["ConnectionStrings:Postgres"] = own }
            : settings, postgres.GetValueOrDefault(k))).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // One host failing must not leave the others running after the bench exits.
            foreach (var ready in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await ready.Result.DisposeAsync();
            }

            throw;
        }

        var started = starting.Select(t => t.Result).ToArray();
        var hosts = started.ToDictionary(h => h.Kind);
        foreach (var host in started)
        {
            output.WriteLine($"{HostProcess.Label(host.Kind)}: process {host.ProcessId} on {host.BaseAddress}");
        }

        output.WriteLine($"hosts ready after {total.Elapsed.TotalSeconds:0.0} s");

        var result = new LoadResult { Options = options };
        bool? soakPassed = null;
        var progress = new ProgressLine(options.Progress);
        try
        {
            var journeyHost = hosts[HostKind.Journey];
            await BindQueuesAsync(journeyHost, connector);
            var prompts = new PromptMatcher(JourneyPatient.PromptKeys);

            // Warm-up: start-up, JIT, content, first SQLite pages on every host; also how long a journey is.
            var warm = await ClosedAsync(journeyHost, connector, prompts, Math.Min(2, options.WarmupJourneys), options.WarmupJourneys, 0, progress, "warm-up");
            // Smoke: short echo conversations, the point is that every host answers.
            var echoTurns = options.Smoke ? 5 : Math.Max(2, (int)Math.Round((double)warm.Turns / Math.Max(1, warm.Finished)));
            foreach (var echo in kinds.Where(k => k != HostKind.Journey))
            {
                await ClosedAsync(hosts[echo], connector, prompts, 2, options.WarmupJourneys, echoTurns, progress, "warm-up");
            }

            result.TurnsPerJourney = (double)warm.Turns / Math.Max(1, warm.Finished);
            result.WarmupErrors = warm.Errors;
            if (options.SettleFor > TimeSpan.Zero)
            {
                var settled = await SettleAsync(hosts, kinds, connector, prompts, echoTurns, options.SettleFor, progress);
                result.WarmupErrors += settled.Errors;
                output.WriteLine(settled.Describe());
            }

            output.WriteLine($"warmed up after {total.Elapsed.TotalSeconds:0.0} s");
            if (options.Soak > 0)
            {
                soakPassed = await SoakRun.RunAsync(journeyHost, connector, prompts, options, progress, output);
                return soakPassed.Value ? 0 : 1;
            }

            var emergency = new List<double>();
            foreach (var concurrency in options.Concurrency)
            {
                var merged = options.Hosts.ToDictionary(k => k, k => new PhaseStats(k, $"closed c={concurrency}"));
                for (var round = 0; round < options.Rounds; round++)
                {
                    // Our journey runs its share of conversations; then each echo host runs for the same wall time, so
                    // all three see the machine's other load for equally long. The echo order alternates by round.
                    var share = (options.Conversations / options.Rounds) + (round < options.Conversations % options.Rounds ? 1 : 0);
                    var slice = TimeSpan.Zero;
                    var echoes = options.Hosts.Where(k => k != HostKind.Journey).ToList();
                    if (round % 2 == 1)
                    {
                        echoes.Reverse();
                    }

                    foreach (var kind in echoes.Prepend(HostKind.Journey))
                    {
                        var label = $"closed c={concurrency} round {round + 1}/{options.Rounds} {HostProcess.Label(kind)}";
                        PhaseStats phase;
                        if (kind == HostKind.Journey)
                        {
                            using var sampler = EmergencySampler.Start(journeyHost);
                            phase = await ClosedAsync(hosts[kind], connector, prompts, concurrency, share, 0, progress, label);
                            emergency.AddRange(await sampler.StopAsync());
                            slice = TimeSpan.FromSeconds(phase.Seconds);
                        }
                        else
                        {
                            phase = await ClosedAsync(hosts[kind], connector, prompts, concurrency, int.MaxValue, echoTurns, progress, label, slice);
                        }

                        if (options.Hosts.Contains(kind))
                        {
                            merged[kind].Merge(phase);
                        }
                    }
                }

                result.Closed.Add(concurrency, merged);
            }

            if (result.TurnsPerJourney == 0 && result.Closed.Values.Select(m => m.GetValueOrDefault(HostKind.Journey)).OfType<PhaseStats>().ToList() is { Count: > 0 } journeys)
            {
                result.TurnsPerJourney = (double)journeys.Sum(j => j.Turns) / Math.Max(1, journeys.Sum(j => j.Finished));
            }

            var closedCases = result.Closed.Values.Select(m => m.GetValueOrDefault(HostKind.Journey)).OfType<PhaseStats>().SelectMany(s => s.ConfirmedCases).ToList();
            result.Handoff = await HandoffLatencyAsync(connector, closedCases);
            var finished = await CountAsync(journeyHost, "SELECT COUNT(*) FROM cases");
            result.FinishedConversations = finished;
            result.Storage = journeyHost.Postgres is { } journeyDatabase
                ? await StoredBytes.MeasurePostgresAsync(journeyDatabase, finished)
                : StoredBytes.Measure(journeyHost.DatabasePath!, finished);

            result.IdleHeapBytes = await journeyHost.LiveHeapBytesAsync();
            result.IdleWorkingSet = journeyHost.WorkingSet.Current;
            result.Capacity = result.Closed.Values.Select(m => m.GetValueOrDefault(HostKind.Journey)?.TurnsPerSecond ?? 0).DefaultIfEmpty(0).Max();
            var meanLatency = TimeSpan.FromMilliseconds(result.Closed.Values.Select(m => m.GetValueOrDefault(HostKind.Journey)).OfType<PhaseStats>().Where(s => s.Turns > 0)
                .Select(s => s.SortedMillis.Average()).DefaultIfEmpty(0).Min());
            var capacityActive = Math.Max(1, (int)Math.Round(0.7 * result.Capacity * (options.CapacityThink + meanLatency).TotalSeconds));
            var capacityScenario = new OpenScenario($"70% capacity: {capacityActive}x{options.CapacityThink.TotalSeconds:0.##}s", capacityActive, options.CapacityThink, options.CapacityThink / 4);
            foreach (var scenario in (!options.Smoke && result.Capacity > 0 && options.Open.Count > 0 ? [capacityScenario] : Array.Empty<OpenScenario>()).Concat(options.Open))
            {
                using var sampler = EmergencySampler.Start(journeyHost);
                var open = await OpenAsync(journeyHost, connector, prompts, scenario, options.OpenMeasure, progress);
                emergency.AddRange(await sampler.StopAsync());
                open.Handoff = await HandoffLatencyAsync(connector, open.Stats.ConfirmedCases.ToList());
                result.OpenLoops.Add(open);
            }

            result.CapacityScenario = capacityScenario.Name;
            result.EmergencyMicros = emergency;
            result.LeaseMicros = [.. EmergencySampler.LeaseMicros];
            result.UnroutedActivities = connector.Unrouted;
        }
        finally
        {
            progress.Clear();
            foreach (var host in hosts.Values)
            {
                await host.DisposeAsync();
                if (soakPassed is not null && !options.KeepFiles)
                {
                    host.DeleteFiles(); // The soak returned from inside: its hosts' files go here.
                    if (host.Postgres is not null)
                    {
                        await PostgresSchemas.DropAsync(host.Postgres);
                    }
                }
            }
        }

        result.Seconds = total.Elapsed.TotalSeconds;
        var passed = LoadReport.Print(output, result);
        if (options.JsonPath is not null)
        {
            await File.WriteAllTextAsync(options.JsonPath, LoadReport.Json(result));
            output.WriteLine($"JSON summary written to {options.JsonPath}");
        }

        foreach (var host in hosts.Values)
        {
            if (options.KeepFiles)
            {
                output.WriteLine($"{HostProcess.Label(host.Kind)}: files kept in {host.Directory}" +
                    (host.Postgres is null ? "" : $", tables in PostgreSQL schema {PostgresSchemas.SchemaOf(host.Postgres)}"));
            }
            else
            {
                host.DeleteFiles();
                if (host.Postgres is not null)
                {
                    await PostgresSchemas.DropAsync(host.Postgres);
                }
            }
        }

        return options.Smoke ? (result.HasErrors ? 1 : 0) : (passed && !result.HasErrors ? 0 : 1);
    }

    /// <summary>How the warm-up ended: whether the hosts' JIT settled, and after how long.</summary>
    private sealed record Settling(bool Settled, TimeSpan Took, int Journeys, TimeSpan LastJit, TimeSpan LastBatch, int Errors)
    {
        public string Describe() => Settled
            ? $"JIT settled after {Took.TotalSeconds:0} s ({Journeys} journeys; the last batch spent {LastJit.TotalMilliseconds:0} ms compiling in {LastBatch.TotalSeconds:0.0} s)"
            : $"JIT still compiling after {Took.TotalSeconds:0} s ({Journeys} journeys; {LastJit.TotalMilliseconds:0} ms in the last {LastBatch.TotalSeconds:0.0} s): figures include some tier-up";
    }

    /// <summary>
    /// Warms every host until tiered compilation has settled: a production host runs for days, so its turns run fully
    /// optimised code. With a few warm-up journeys most of a journey's code (run once or twice per journey) still runs
    /// at tier 0 and the background JIT takes a fifth of the CPU, which is start-up cost, not turn cost. Batches of 24
    /// journeys at concurrency 8, each echo host for the same wall time, until both our hosts spent under 2% of a batch
    /// compiling (the SDK sample has no probe; it gets the same time as our echo), or <paramref name="limit"/> passed.
    /// </summary>
    private static async Task<Settling> SettleAsync(Dictionary<HostKind, HostProcess> hosts, IReadOnlyList<HostKind> kinds, FakeConnector connector, PromptMatcher prompts, int echoTurns, TimeSpan limit, ProgressLine progress)
    {
        var started = Stopwatch.StartNew();
        var journeys = 0;
        var errors = 0;
        var probed = kinds.Where(k => k != HostKind.SdkEcho).Select(k => hosts[k]).ToList();
        var jit = new Dictionary<HostKind, TimeSpan>();
        foreach (var host in probed)
        {
            jit[host.Kind] = await host.JitTimeAsync();
        }

        while (true)
        {
            var batch = await ClosedAsync(hosts[HostKind.Journey], connector, prompts, 8, 24, 0, progress, "warm-up until the JIT settles");
            journeys += batch.Finished;
            errors += batch.Errors;
            var slice = TimeSpan.FromSeconds(batch.Seconds);
            foreach (var echo in kinds.Where(k => k != HostKind.Journey))
            {
                errors += (await ClosedAsync(hosts[echo], connector, prompts, 8, int.MaxValue, echoTurns, progress, "warm-up until the JIT settles", slice)).Errors;
            }

            var worst = TimeSpan.Zero;
            foreach (var host in probed)
            {
                var now = await host.JitTimeAsync();
                worst = TimeSpan.FromTicks(Math.Max(worst.Ticks, (now - jit[host.Kind]).Ticks));
                jit[host.Kind] = now;
            }

            if (worst.TotalMilliseconds < 0.02 * slice.TotalMilliseconds || started.Elapsed > limit)
            {
                return new Settling(worst.TotalMilliseconds < 0.02 * slice.TotalMilliseconds, started.Elapsed, journeys, worst, slice, errors);
            }
        }
    }

    /// <summary>A closed loop: <paramref name="concurrency"/> patients, each starting the next conversation as soon as one ends.</summary>
    /// <param name="duration">When given, conversations start until this much time has passed (then no new turn starts).</param>
    internal static async Task<PhaseStats> ClosedAsync(HostProcess host, FakeConnector connector, PromptMatcher prompts, int concurrency, int conversations, int echoTurns, ProgressLine progress, string label, TimeSpan? duration = null)
    {
        var stats = new PhaseStats(host.Kind, label);
        var next = -1;
        using var stop = duration is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        var cpuBefore = host.CpuTime;
        var clock = Stopwatch.StartNew();
        using var ticker = duration is { } d
            ? progress.Track(label, () => ((int)clock.Elapsed.TotalSeconds, (int)Math.Ceiling(d.TotalSeconds), stats.Turns / Math.Max(0.001, clock.Elapsed.TotalSeconds), stats.Errors))
            : progress.Track(label, () => (stats.Finished, conversations, stats.Turns / Math.Max(0.001, clock.Elapsed.TotalSeconds), stats.Errors));
        var workers = Enumerable.Range(0, Math.Min(concurrency, conversations)).Select(async _ =>
        {
            int index;
            while (!stop.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < conversations)
            {
                var (outcome, _) = await ConversationAsync(host, connector, prompts, index, echoTurns, stats, () => TimeSpan.Zero, duration is null ? CancellationToken.None : stop.Token);
                if (outcome == Outcome.Finished)
                {
                    stats.AddFinished();
                }
            }
        });
        await Task.WhenAll(workers);
        stats.Seconds = clock.Elapsed.TotalSeconds;
        stats.HostCpu = host.CpuTime - cpuBefore;
        return stats;
    }

    private static async Task<(Outcome, int)> ConversationAsync(HostProcess host, FakeConnector connector, PromptMatcher prompts, int index, int echoTurns, ITurnSink sink, Func<TimeSpan> think, CancellationToken stop)
    {
        var persona = Persona.All[index % Persona.All.Count];
        using var chat = new ConversationClient(host, connector, persona.Channel, $"{persona.Name}-{index}-{Guid.NewGuid():N}"[..40]);
        return host.Kind == HostKind.Journey
            ? await new JourneyPatient(persona, index).RunAsync(chat, prompts, sink, think, stop)
            : await EchoPatient.RunAsync(host.Kind, chat, echoTurns, sink, think, stop);
    }

    /// <summary>
    /// An open loop: <see cref="OpenScenario.Active"/> conversations at once, each thinking between turns and starting a
    /// new journey when one ends. Starts are spread over one think time (the ramp); turns that start in the measuring
    /// window after it count.
    /// </summary>
    private static async Task<OpenLoopResult> OpenAsync(HostProcess host, FakeConnector connector, PromptMatcher prompts, OpenScenario scenario, TimeSpan measure, ProgressLine progress)
    {
        var stats = new PhaseStats(host.Kind, scenario.Name);
        var ramp = scenario.Think + scenario.Jitter;
        var windowStart = Stopwatch.GetTimestamp() + (long)(ramp.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        stats.Window(windowStart, windowEnd);
        host.ResetPeakWorkingSet();
        using var stop = new CancellationTokenSource();
        var random = new Random(scenario.Active);
        var index = 1_000_000 * (1 + scenario.Active % 97);
        TimeSpan Think()
        {
            lock (random)
            {
                return scenario.Think + (scenario.Jitter * ((random.NextDouble() * 2) - 1));
            }
        }

        var clock = Stopwatch.StartNew();
        var total = ramp + measure;
        using var ticker = progress.Track($"open {scenario.Name}", () => ((int)clock.Elapsed.TotalSeconds, (int)total.TotalSeconds, stats.Turns / Math.Max(0.001, PhaseStats.Millis(windowStart, Stopwatch.GetTimestamp()) / 1000), stats.Errors));
        var patients = Enumerable.Range(0, scenario.Active).Select(async p =>
        {
            double delay;
            lock (random)
            {
                delay = random.NextDouble() * ramp.TotalMilliseconds;
            }

            if (await JourneyPatient.Wait(TimeSpan.FromMilliseconds(delay), stop.Token))
            {
                return;
            }

            while (!stop.IsCancellationRequested)
            {
                var (outcome, _) = await ConversationAsync(host, connector, prompts, Interlocked.Increment(ref index), 0, stats, Think, stop.Token);
                if (outcome == Outcome.Finished)
                {
                    stats.AddFinished();
                }
            }
        }).ToList();

        await Task.Delay(ramp);
        var cpuStart = host.CpuTime;
        await Task.Delay(measure);
        var cpuEnd = host.CpuTime;
        var workingSet = host.WorkingSet;
        stop.Cancel();
        await Task.WhenAll(patients);
        // The conversations are still open (their state stored, nothing deleted): what the host keeps for them.
        var heap = await host.LiveHeapBytesAsync();
        stats.Seconds = measure.TotalSeconds;
        stats.HostCpu = cpuEnd - cpuStart;
        return new OpenLoopResult(scenario, stats, workingSet.Peak, heap);
    }

    internal static async Task<HandoffLatency> HandoffLatencyAsync(FakeConnector connector, List<(string Reference, long Start)> cases)
    {
        var deadline = Stopwatch.StartNew();
        while (cases.Any(c => !connector.TryGetCardArrival(c.Reference, out _)) && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        var millis = new List<double>();
        var missing = 0;
        foreach (var (reference, start) in cases)
        {
            if (connector.TryGetCardArrival(reference, out var arrived))
            {
                millis.Add(PhaseStats.Millis(start, arrived));
            }
            else
            {
                missing++;
            }
        }

        return new HandoffLatency(cases.Count, missing, millis.Order().ToArray());
    }

    /// <summary>Binds both staff queues to team channels the way staff do it: "@bot set queue …" in the channel.</summary>
    private static async Task BindQueuesAsync(HostProcess host, FakeConnector connector)
    {
        foreach (var queue in new[] { "care-coordination", "social-work" })
        {
            var channel = $"19:{queue}@thread.tacv2";
            var inbox = connector.Open(channel);
            var activity = new JsonObject
            {
                ["type"] = "message",
                ["id"] = Guid.NewGuid().ToString("N"),
                ["channelId"] = "msteams",
                ["serviceUrl"] = connector.ServiceUrl,
                ["locale"] = "en-US",
                ["text"] = $"<at>SecondOpinionBot</at> set queue {queue}",
                ["from"] = new JsonObject { ["id"] = "29:aad-bench-lead", ["name"] = "Bench Lead", ["aadObjectId"] = "aad-bench-lead" },
                ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SecondOpinionBot" },
                ["conversation"] = new JsonObject { ["id"] = channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TenantId },
                ["channelData"] = new JsonObject
                {
                    ["tenant"] = new JsonObject { ["id"] = TenantId },
                    ["team"] = new JsonObject { ["id"] = "19:bench-team@thread.tacv2", ["name"] = "Care team" },
                    ["channel"] = new JsonObject { ["id"] = channel, ["name"] = queue },
                },
            };
            using var response = await host.Client.PostAsJsonAsync(new Uri("api/messages", UriKind.Relative), activity);
            var (replies, _) = inbox.Take();
            connector.Close(channel);
            if (!response.IsSuccessStatusCode || replies.Count == 0)
            {
                throw new InvalidOperationException($"Binding the {queue} queue failed (HTTP {(int)response.StatusCode}); see {host.LogPath}.");
            }
        }
    }

    internal static async Task<int> CountAsync(HostProcess host, string sql)
    {
        await using System.Data.Common.DbConnection connection = host.Postgres is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False")
            : new Npgsql.NpgsqlConnection(host.Postgres);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}

/// <summary>
/// Times the host's emergency check (25 messages) and its turn lease (2 acquire/release) inside the host, every quarter
/// second while a phase runs.
/// </summary>
internal sealed class EmergencySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<List<double>> _run = Task.FromResult(new List<double>());

    public static List<double> LeaseMicros { get; } = [];

    public static EmergencySampler Start(HostProcess host)
    {
        var sampler = new EmergencySampler();
        sampler._run = sampler.RunAsync(host);
        return sampler;
    }

    private async Task<List<double>> RunAsync(HostProcess host)
    {
        var micros = new List<double>();
        while (!_stop.IsCancellationRequested)
        {
            micros.AddRange(await host.EmergencyMicrosAsync(25));
            var lease = await host.LeaseMicrosAsync(2);
            lock (LeaseMicros)
            {
                LeaseMicros.AddRange(lease);
            }

            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return micros;
    }

    public async Task<List<double>> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run;
    }

    public void Dispose() => _stop.Dispose();
}
