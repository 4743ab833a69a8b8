using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecondOpinionBot.Bench.Load;

/// <summary>Percentiles of a list of values (nearest rank).</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// What one phase measured on one host: every turn's latency that started inside the measuring window, failures,
/// and the host's CPU over the window. Thread-safe: every simulated patient of the phase reports here.
/// </summary>
public sealed class PhaseStats(HostKind host, string name) : ITurnSink
{
    private readonly ConcurrentQueue<double> _millis = new();
    private readonly ConcurrentQueue<(string Reference, long Start)> _confirmed = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private long _windowStart = long.MinValue;
    private long _windowEnd = long.MaxValue;

    public HostKind Host { get; } = host;

    public string Name { get; } = name;

    private int _finished;

    public int Finished => Volatile.Read(ref _finished);

    public void AddFinished() => Interlocked.Increment(ref _finished);

    public double Seconds { get; set; }

    public TimeSpan HostCpu { get; set; }

    public int Turns => _millis.Count;

    public int Errors => _failures.Values.Sum();

    public IReadOnlyDictionary<string, int> FailureReasons => _failures;

    public IReadOnlyCollection<(string Reference, long Start)> ConfirmedCases => _confirmed;

    public double TurnsPerSecond => Seconds == 0 ? 0 : Turns / Seconds;

    public double CpuMsPerTurn => Turns == 0 ? 0 : HostCpu.TotalMilliseconds / Turns;

    public double[] SortedMillis => _millis.Order().ToArray();

    /// <summary>Only turns that start inside [start, end) count (open loop: after the ramp, before the stop).</summary>
    public void Window(long start, long end) => (_windowStart, _windowEnd) = (start, end);

    public void Turn(HostKind host, TurnTiming timing)
    {
        if (timing.Start >= _windowStart && timing.Start < _windowEnd)
        {
            _millis.Enqueue(timing.Millis);
        }
    }

    public void Confirmed(string reference, long confirmStart) => _confirmed.Enqueue((reference, confirmStart));

    public void Failed(HostKind host, string why) => _failures.AddOrUpdate(why, 1, (_, n) => n + 1);

    /// <summary>Adds another round of the same host and concurrency (closed loop, interleaved rounds).</summary>
    public void Merge(PhaseStats other)
    {
        foreach (var m in other._millis)
        {
            _millis.Enqueue(m);
        }

        foreach (var c in other._confirmed)
        {
            _confirmed.Enqueue(c);
        }

        foreach (var (why, n) in other._failures)
        {
            _failures.AddOrUpdate(why, n, (_, m) => m + n);
        }

        _finished += other.Finished;
        Seconds += other.Seconds;
        HostCpu += other.HostCpu;
    }

    public static double Millis(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
