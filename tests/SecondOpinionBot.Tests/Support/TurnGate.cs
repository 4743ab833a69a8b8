namespace SecondOpinionBot.Tests.Support;

/// <summary>
/// Holds <see cref="ProbeBot"/>'s "add" turns inside the bot until the test lets them go, one at a time, and counts
/// how many were ever inside at once. With no gate registered, "add" runs straight through.
/// </summary>
public sealed class TurnGate
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _entered = new(0);
    private readonly SemaphoreSlim _release = new(0);
    private int _inside;
    private int _mostAtOnce;

    /// <summary>The most turns that were inside the bot at the same moment.</summary>
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        var inside = Interlocked.Increment(ref _inside);
        for (var most = MostAtOnce; inside > most; most = MostAtOnce)
        {
            Interlocked.CompareExchange(ref _mostAtOnce, inside, most);
        }

        _entered.Release();
        try
        {
            await _release.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>Returns once one more turn is inside the bot.</summary>
    public async Task TurnInsideAsync() =>
        Assert.True(await _entered.WaitAsync(Patience), "No turn reached the bot.");

    public void LetOneTurnFinish() => _release.Release();
}
