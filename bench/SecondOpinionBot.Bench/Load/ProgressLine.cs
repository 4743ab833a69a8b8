namespace SecondOpinionBot.Bench.Load;

/// <summary>A progress bar on stderr, redrawn twice a second while a phase runs (off when stderr is redirected).</summary>
public sealed class ProgressLine(bool enabled)
{
    private const int Width = 30;

    public IDisposable Track(string label, Func<(int Done, int Total, double TurnsPerSecond, int Errors)> read)
    {
        if (!enabled)
        {
            return new Timer(_ => { });
        }

        return new Timer(_ =>
        {
            var (done, total, rate, errors) = read();
            var filled = total == 0 ? 0 : Math.Clamp(done * Width / total, 0, Width);
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {rate,6:0.0} turns/s {errors} errors  {label,-60}");
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
    }

    public void Clear()
    {
        if (enabled)
        {
            Console.Error.Write("\r" + new string(' ', 140) + "\r");
        }
    }
}
