using System.Diagnostics;
using SecondOpinionBot.Safety;

namespace SecondOpinionBot.Bench.HostProbe;

/// <summary>The host's own EmergencyRecognizer (as registered, from the host's content), timed one message at a time.</summary>
internal sealed class EmergencyProbe(EmergencyRecognizer recognizer)
{
    private readonly IReadOnlyList<string> _messages = Bench.PatientMessages.Generate(2_000, seed: 7);
    private int _next;

    public double[] Time(int count)
    {
        var micros = new double[count];
        for (var i = 0; i < count; i++)
        {
            var text = _messages[(int)((uint)Interlocked.Increment(ref _next) % (uint)_messages.Count)];
            var start = Stopwatch.GetTimestamp();
            _ = recognizer.Recognize(text, "en");
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return micros;
    }
}
