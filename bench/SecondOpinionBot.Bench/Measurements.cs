using System.Diagnostics;
using System.Globalization;

namespace SecondOpinionBot.Bench;

/// <summary>Latencies of one run, in milliseconds, and the bytes it allocated.</summary>
public sealed class Sample(string name)
{
    private readonly List<double> _millis = [];

    public string Name { get; } = name;

    public long AllocatedBytes { get; set; }

    public int Count => _millis.Count;

    public double TotalMillis => _millis.Sum();

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double BytesPerOp => Count == 0 ? 0 : (double)AllocatedBytes / Count;

    public double OpsPerSecond => TotalMillis == 0 ? 0 : Count / (TotalMillis / 1000);

    public void Add(long startTimestamp) => _millis.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    private double Percentile(double p)
    {
        if (_millis.Count == 0)
        {
            return 0;
        }

        var sorted = _millis.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>One line of the table: a figure for the subject next to the same figure for its baseline.</summary>
public sealed record Figure(string Bench, string Measure, double Subject, double Baseline, string Unit);

/// <summary>A target the subject must meet; <see cref="Limit"/> is the highest allowed value.</summary>
public sealed record Target(string Description, double Value, double Limit, string Unit)
{
    public bool Passed => Value <= Limit;
}

/// <summary>Prints figures and targets as plain text tables.</summary>
public static class Report
{
    public static void Print(TextWriter output, IReadOnlyList<Figure> figures, IReadOnlyList<Target> targets)
    {
        output.WriteLine();
        output.WriteLine($"{"bench",-10} {"measure",-28} {"subject",12} {"baseline",12} {"ratio",8}  unit");
        output.WriteLine(new string('-', 86));
        foreach (var f in figures)
        {
            var ratio = f.Baseline == 0 ? "-" : (f.Subject / f.Baseline).ToString(f.Subject / f.Baseline < 0.1 ? "0.000" : "0.0", CultureInfo.InvariantCulture) + "x";
            output.WriteLine($"{f.Bench,-10} {f.Measure,-28} {Format(f.Subject),12} {Format(f.Baseline),12} {ratio,8}  {f.Unit}");
        }

        output.WriteLine();
        foreach (var t in targets)
        {
            output.WriteLine($"{(t.Passed ? "PASS" : "FAIL")}  {t.Description}: {Format(t.Value)} {t.Unit} (limit {Format(t.Limit)} {t.Unit})");
        }
    }

    private static string Format(double value) => value switch
    {
        >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
