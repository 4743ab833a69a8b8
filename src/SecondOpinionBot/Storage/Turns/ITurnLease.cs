namespace SecondOpinionBot.Storage.Turns;

/// <summary>Runs the turns of one conversation one at a time, in arrival order, across instances (<see cref="TurnLease"/>).</summary>
public interface ITurnLease
{
    /// <summary>This process's id in the queue.</summary>
    string InstanceId { get; }

    /// <summary>Waits for the conversation's lease; disposing the result (or the turn's last write) releases it. Throws <see cref="TurnBusyException"/> after the longest wait.</summary>
    Task<HeldTurnLease> AcquireAsync(string conversationKey, CancellationToken cancellationToken);
}
