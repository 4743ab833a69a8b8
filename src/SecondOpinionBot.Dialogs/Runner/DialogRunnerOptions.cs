namespace SecondOpinionBot.Dialogs.Runner;

public sealed class DialogRunnerOptions
{
    /// <summary>The dialog begun when nothing is active; it should resume from the user's draft.</summary>
    public required string RootDialogId { get; init; }

    /// <summary>Bump when flows change incompatibly: stored positions from another version restart from the draft.</summary>
    public string FlowVersion { get; init; } = "1";
}
