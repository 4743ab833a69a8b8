using System.Diagnostics;
using SecondOpinionBot.Storage.Turns;

namespace SecondOpinionBot.Bench.HostProbe;

/// <summary>
/// The turn lease every turn takes (<see cref="TurnLease"/>), timed inside the loaded host on keys no turn
/// uses: acquire and release, one after another. Measured only; its design belongs to the data-safety work (#12).
/// </summary>
internal sealed class LeaseProbe(TurnLease turnLock)
{
    public async Task<double[]> TimeAsync(int count, CancellationToken cancellationToken)
    {
        var micros = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (await turnLock.AcquireAsync($"bench/lease-probe-{Guid.NewGuid():N}", cancellationToken))
            {
            }

            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        return micros;
    }
}
