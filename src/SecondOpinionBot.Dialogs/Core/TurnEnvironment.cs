using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Prompts;

namespace SecondOpinionBot.Dialogs;

/// <summary>What every dialog context of one turn shares. The language can change mid-turn (the user chose another).</summary>
internal sealed class TurnEnvironment(UserInput input, TurnLanguage language, DialogStack stack, string flowVersion, DateTimeOffset userNow, LexiconSet lexicons, IPromptRewording? rewording)
{
    public UserInput Input { get; } = input;

    public TurnLanguage Language { get; set; } = language;

    public DialogStack Stack { get; } = stack;

    public string FlowVersion { get; } = flowVersion;

    public DateTimeOffset UserNow { get; } = userNow;

    public LexiconSet Lexicons { get; } = lexicons;

    public IPromptRewording? Rewording { get; } = rewording;
}
