namespace SecondOpinionBot.Commands;

/// <summary>One row of the command table.</summary>
/// <param name="Title">The command as Teams shows it in the command menu (at most 32 characters).</param>
/// <param name="Description">What it does, in plain words (at most 128 characters).</param>
/// <param name="Phrases">The exact words that trigger it, lower case; the argument, if any, follows as one more word.</param>
/// <param name="Argument">The argument the command takes, or null.</param>
/// <param name="InMenu">Listed in Teams' command menu (at most 10 per scope); a rarely needed command is typed instead.</param>
public sealed record BotCommand(
    CommandId Id,
    CommandScope Scope,
    string Title,
    string Description,
    IReadOnlyList<string> Phrases,
    CommandArgument? Argument = null,
    bool InMenu = true);
