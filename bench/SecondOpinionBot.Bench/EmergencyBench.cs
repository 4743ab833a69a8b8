using System.Diagnostics;
using SecondOpinionBot.Content;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Bench;

/// <summary>
/// The emergency recognizer built from the real dialogs/en content, on 10k patient-like messages, against a naive
/// baseline: lower-case string.Contains over the same phrase list (no typos, no negation, no words in between).
/// </summary>
public static class EmergencyBench
{
    private const int Messages = 10_000;

    public static (Sample Subject, Sample Baseline, int SubjectFlagged, int BaselineFlagged) Run()
    {
        var content = ContentCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "dialogs"), "en");
        var recognizer = new EmergencyRecognizer(content);
        // The baseline gets each phrase's first spelling: "(took|swallowed) {lots} ... {pills}" → "took lots pills".
        var phrases = content.Default.Emergency.Phrases.Select(p => Normalise(FirstSpelling(p.Text))).ToArray();
        var messages = PatientMessages.Generate(Messages, seed: 42);

        var subject = Measure("recognizer", messages, text => recognizer.Recognize(text, "en") is not null);
        var baseline = Measure("naive contains", messages, text =>
        {
            var normalised = Normalise(text);
            return phrases.Any(p => normalised.Contains(p, StringComparison.Ordinal));
        });
        return (subject.Sample, baseline.Sample, subject.Flagged, baseline.Flagged);
    }

    private static (Sample Sample, int Flagged) Measure(string name, IReadOnlyList<string> messages, Func<string, bool> isEmergency)
    {
        foreach (var text in messages)
        {
            isEmergency(text); // warm-up pass
        }

        var sample = new Sample(name);
        var flagged = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var text in messages)
        {
            var start = Stopwatch.GetTimestamp();
            var hit = isEmergency(text);
            sample.Add(start);
            flagged += hit ? 1 : 0;
        }

        sample.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        return (sample, flagged);
    }

    private static string Normalise(string text) => text.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);

    private static string FirstSpelling(string phrase) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(phrase.Replace("...", "", StringComparison.Ordinal), @"\(([^|)]*)[^)]*\)", "$1"),
            @"\{(\w+)\}", "$1").Trim();
}
