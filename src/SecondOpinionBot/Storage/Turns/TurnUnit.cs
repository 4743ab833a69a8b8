using System.Data.Common;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// The bot-state writes of the turn in progress, held in memory until the turn commits them in one transaction with
/// its journal entry and replies (<see cref="SqliteBotStorage.CommitTurnAsync"/>). A turn that fails or dies commits
/// nothing, so its resend starts from the same state and an answer is never applied twice or to the wrong question.
/// </summary>
public sealed class TurnUnit
{
    private static readonly AsyncLocal<TurnUnit?> CurrentUnit = new();

    /// <summary>
    /// Staged documents by key, in write order: each gives its JSON when the turn commits (null: delete the row). A
    /// state document is staged as the live object, so however often a turn changes it, it is serialised once.
    /// </summary>
    internal Dictionary<string, Func<string?>> Staged { get; } = new(StringComparer.Ordinal);

    internal List<string> Order { get; } = [];

    /// <summary>Other rows the turn writes (the journey funnel), run in order inside the commit transaction.</summary>
    internal List<Func<DbConnection, DbTransaction, CancellationToken, Task>> Writes { get; } = [];

    /// <summary>What to do once the commit has landed (metrics about what was written).</summary>
    internal List<Action> AfterCommit { get; } = [];

    /// <summary>The unit of the turn running on this async flow, if any.</summary>
    public static TurnUnit? Current => CurrentUnit.Value;

    /// <summary>Starts a unit for the rest of this async flow (the turn's middleware and everything it awaits).</summary>
    public static TurnUnit Begin() => CurrentUnit.Value = new TurnUnit();

    public static void End() => CurrentUnit.Value = null;

    /// <summary>Writes these rows in the turn's commit transaction, after its state: one commit per turn instead of one per store.</summary>
    public void AlsoCommit(Func<DbConnection, DbTransaction, CancellationToken, Task> write) => Writes.Add(write);

    /// <summary>Runs after the turn's commit landed (never when the turn failed or died).</summary>
    public void OnCommitted(Action action) => AfterCommit.Add(action);

    internal void Stage(string key, Func<string?> document)
    {
        if (!Staged.ContainsKey(key))
        {
            Order.Add(key);
        }

        Staged[key] = document;
    }
}
