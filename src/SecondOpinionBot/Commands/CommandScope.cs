namespace SecondOpinionBot.Commands;

/// <summary>Where a command can be typed: a one-to-one chat with the bot, or a team channel (with an @mention).</summary>
public enum CommandScope
{
    Personal,
    Team,
}
