using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Storage.Turns;

/// <summary>
/// The bot-state writes of the turn in progress, held in memory until the turn commits them in one transaction with
/// its journal entry and replies (<see cref="SqliteBotStorage.CommitTurnAsync"/>). A turn that fails or dies commits
/// nothing, so its resend starts from the same state and an answer is never applied twice or to the wrong question.
/// </summary>
public sealed class TurnUnit
{
    private static readonly AsyncLocal<TurnUnit?> CurrentUnit = new();

    /// <summary>Staged documents by key, in write order; null means deleted.</summary>
    internal Dictionary<string, JObject?> Staged { get; } = new(StringComparer.Ordinal);

    internal List<string> Order { get; } = [];

    /// <summary>The unit of the turn running on this async flow, if any.</summary>
    public static TurnUnit? Current => CurrentUnit.Value;

    /// <summary>Starts a unit for the rest of this async flow (the turn's middleware and everything it awaits).</summary>
    public static TurnUnit Begin() => CurrentUnit.Value = new TurnUnit();

    public static void End() => CurrentUnit.Value = null;

    internal void Stage(string key, JObject? document)
    {
        if (!Staged.ContainsKey(key))
        {
            Order.Add(key);
        }

        Staged[key] = document;
    }
}
