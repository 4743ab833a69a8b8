using System.Globalization;

namespace SecondOpinionBot.Bench.Load;

/// <summary>An open-loop scenario: this many conversations active at once, each thinking between turns.</summary>
public sealed record OpenScenario(string Name, int Active, TimeSpan Think, TimeSpan Jitter)
{
    /// <summary>"1000x15s±5s", "200x2s": active conversations × mean think time ± jitter (default a quarter of it).</summary>
    public static OpenScenario Parse(string text)
    {
        var parts = text.Split('x', 2);
        var think = parts[1].Split('±', '~');
        var mean = Seconds(think[0]);
        var jitter = think.Length > 1 ? Seconds(think[1]) : mean / 4;
        return new OpenScenario(text, int.Parse(parts[0], CultureInfo.InvariantCulture), mean, jitter);
    }

    private static TimeSpan Seconds(string text) =>
        TimeSpan.FromSeconds(double.Parse(text.TrimEnd('s'), CultureInfo.InvariantCulture));
}

/// <summary>The load command's settings (README, Benchmarks: "Whole conversations under load").</summary>
public sealed record LoadOptions
{
    public int Conversations { get; init; } = 48;

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8, 32];

    public int Rounds { get; init; } = 2;

    public int WarmupJourneys { get; init; } = 4;

    /// <summary>After the first warm-up journeys, warm up until the hosts' JIT has settled, for at most this long.</summary>
    public TimeSpan SettleFor { get; init; } = TimeSpan.FromSeconds(90);

    public IReadOnlyList<OpenScenario> Open { get; init; } = [OpenScenario.Parse("1000x15s±5s"), OpenScenario.Parse("200x2s±0.5s")];

    /// <summary>The open loop at 70% of the closed-loop capacity measured in this run: think time of its conversations.</summary>
    public TimeSpan CapacityThink { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long each open-loop scenario is measured, after its ramp (one think time).</summary>
    public TimeSpan OpenMeasure { get; init; } = TimeSpan.FromSeconds(20);

    public string? JsonPath { get; init; }

    /// <summary>A few journeys and a tiny open loop: checks the whole benchmark still runs; figures mean nothing.</summary>
    public bool Smoke { get; init; }

    /// <summary>Leaves each host's folder (database, log) in place and prints where, to look at what was stored.</summary>
    public bool KeepFiles { get; init; }

    /// <summary>With a number: the soak instead of the sweep, this many journeys on our host (<see cref="SoakRun"/>).</summary>
    public int Soak { get; init; }

    public bool Progress { get; init; } = !Console.IsErrorRedirected;

    /// <summary>OpenTelemetry on in our hosts (tracing and metrics collected, no exporter): to measure what it costs.</summary>
    public bool Telemetry { get; init; }

    /// <summary>Our hosts on this PostgreSQL database (Storage:Provider=PostgreSQL) instead of each its own SQLite file.</summary>
    public string? Postgres { get; init; }

    /// <summary>Runs only these hosts (e.g. to profile one: its process id is printed at start).</summary>
    public IReadOnlyList<HostKind> Hosts { get; init; } = [HostKind.SdkEcho, HostKind.OurEcho, HostKind.Journey];

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        var concurrencyGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            concurrencyGiven |= args[i] == "--concurrency";
            options = args[i] switch
            {
                "--conversations" => options with { Conversations = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--rounds" => options with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--open" => options with { Open = Next() is "none" ? [] : args[i].Split(',').Select(OpenScenario.Parse).ToArray() },
                "--open-seconds" => options with { OpenMeasure = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--capacity-think" => options with { CapacityThink = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--json" => options with { JsonPath = Next() },
                "--only" => options with { Hosts = Next().Split(',').Select(h => h switch
                {
                    "sdk" => HostKind.SdkEcho, "echo" => HostKind.OurEcho, "journey" => HostKind.Journey,
                    _ => throw new ArgumentException($"--only takes sdk, echo or journey, not {h}."),
                }).ToArray() },
                "--telemetry" => options with { Telemetry = true },
                "--postgres" => options with { Postgres = Next() },
                "--settle-seconds" => options with { SettleFor = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--keep-files" => options with { KeepFiles = true },
                "--soak" => options with { Soak = int.Parse(Next(), CultureInfo.InvariantCulture), Hosts = [HostKind.Journey], Open = [] },
                "--no-progress" => options with { Progress = false },
                "--quick" => options with { Conversations = 16, Rounds = 2, WarmupJourneys = 2, OpenMeasure = TimeSpan.FromSeconds(8), SettleFor = TimeSpan.FromSeconds(45) },
                "--full" => options with { Conversations = 300, Rounds = 3, OpenMeasure = TimeSpan.FromMinutes(5) },
                "--smoke" => options with
                {
                    Smoke = true, SettleFor = TimeSpan.Zero, Conversations = 2, Concurrency = [2], Rounds = 1, WarmupJourneys = 0, Progress = false,
                    Open = [new OpenScenario("smoke 3x0.05s", 3, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20))],
                    CapacityThink = TimeSpan.FromMilliseconds(50), OpenMeasure = TimeSpan.FromSeconds(1),
                },
                _ => throw new ArgumentException($"Unknown option {args[i]}. See README, Benchmarks."),
            };
        }

        // The soak runs at one concurrency: 8 unless another is given.
        return options.Soak > 0 && !concurrencyGiven ? options with { Concurrency = [8] } : options;
    }
}
