namespace SecondOpinionBot.Bench.Load;

/// <summary>Confirm sent → staff card at the connector, for every case confirmed in a phase.</summary>
public sealed record HandoffLatency(int Cases, int Missing, double[] SortedMillis);

public sealed record OpenLoopResult(OpenScenario Scenario, PhaseStats Stats, long PeakWorkingSet, long LiveHeapBytes)
{
    public HandoffLatency? Handoff { get; set; }
}

/// <summary>Everything one load run measured.</summary>
public sealed class LoadResult
{
    public required LoadOptions Options { get; init; }

    public double TurnsPerJourney { get; set; }

    public int WarmupErrors { get; set; }

    /// <summary>By concurrency, then by host: the interleaved rounds merged.</summary>
    public SortedDictionary<int, Dictionary<HostKind, PhaseStats>> Closed { get; } = [];

    public HandoffLatency Handoff { get; set; } = new(0, 0, []);

    public int FinishedConversations { get; set; }

    public IReadOnlyList<TableBytes> Storage { get; set; } = [];

    public long IdleHeapBytes { get; set; }

    public long IdleWorkingSet { get; set; }

    /// <summary>Our journey's best closed-loop turns/s in this run.</summary>
    public double Capacity { get; set; }

    public string CapacityScenario { get; set; } = "";

    public List<OpenLoopResult> OpenLoops { get; } = [];

    public List<double> EmergencyMicros { get; set; } = [];

    /// <summary>The turn lease (acquire + release) timed inside the loaded host, µs.</summary>
    public List<double> LeaseMicros { get; set; } = [];

    public int UnroutedActivities { get; set; }

    public double Seconds { get; set; }

    public bool HasErrors =>
        WarmupErrors > 0
        || Closed.Values.Any(m => m.Values.Any(s => s.Errors > 0))
        || OpenLoops.Any(o => o.Stats.Errors > 0 || o.Handoff?.Missing > 0)
        || Handoff.Missing > 0;
}
