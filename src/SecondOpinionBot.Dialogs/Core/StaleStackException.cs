namespace SecondOpinionBot.Dialogs;

/// <summary>The stored stack names a dialog (or dialog version) this build does not have. The runner recovers from it.</summary>
public sealed class StaleStackException : Exception
{
    public StaleStackException()
    {
    }

    public StaleStackException(string message)
        : base(message)
    {
    }

    public StaleStackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
