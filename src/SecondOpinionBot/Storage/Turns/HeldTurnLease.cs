using System.Data.Common;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// A conversation's turn lease while this turn holds it. The turn's last write releases it in the same transaction
/// (<see cref="ReleaseWithinAsync"/>, then <see cref="Released"/> once that commits); otherwise disposing releases it
/// with a write of its own.
/// </summary>
public sealed class HeldTurnLease : IAsyncDisposable
{
    private readonly TurnLease _lease;
    private readonly long _seq;
    private bool _released;

    internal HeldTurnLease(TurnLease lease, long seq)
    {
        _lease = lease;
        _seq = seq;
    }

    /// <summary>Deletes the ticket inside the caller's transaction; call <see cref="Released"/> after it commits.</summary>
    public Task ReleaseWithinAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        _released ? Task.CompletedTask : _lease.ReleaseAsync(connection, transaction, _seq, cancellationToken);

    /// <summary>The transaction that deleted the ticket committed: disposing has nothing left to do.</summary>
    public void Released() => _released = true;

    public async ValueTask DisposeAsync()
    {
        if (!_released)
        {
            _released = true;
            await _lease.DeleteAsync(_seq);
        }
    }
}
