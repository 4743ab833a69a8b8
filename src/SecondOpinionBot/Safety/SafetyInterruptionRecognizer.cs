using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>The one recognizer the dialog engine asks: emergencies first, always, then the command words.</summary>
public sealed class SafetyInterruptionRecognizer(EmergencyRecognizer emergency, CommandRecognizer commands) : IInterruptionRecognizer
{
    public Interruption? Recognize(string text, string culture) =>
        emergency.Recognize(text, culture) ?? commands.Recognize(text, culture);
}
