using SecondOpinionBot.Dialogs.Input;
using SecondOpinionBot.Dialogs.Language;

namespace SecondOpinionBot.Dialogs;

/// <summary>What every dialog context of one turn shares.</summary>
internal sealed record TurnEnvironment(UserInput Input, TurnLanguage Language, DialogStack Stack, string FlowVersion, DateTimeOffset UserNow);
