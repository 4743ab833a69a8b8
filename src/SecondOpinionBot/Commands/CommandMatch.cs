namespace SecondOpinionBot.Commands;

/// <summary>A message that is a command. <see cref="Argument"/> is the normalized argument, or null.</summary>
public sealed record CommandMatch(BotCommand Command, string? Argument)
{
    /// <summary>The command takes an argument but none (or no valid one) was given: ask for it, e.g. "case SO-7K3F".</summary>
    public bool NeedsArgument => Command.Argument is not null && Argument is null;
}
