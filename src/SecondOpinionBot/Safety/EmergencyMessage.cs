using Microsoft.Extensions.Options;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Interruptions;

namespace SecondOpinionBot.Safety;

/// <summary>What the bot sends at once when an emergency is recognised: guidance, then how to resume.</summary>
public sealed record EmergencyMessage(string Guidance, string ResumeHint);

/// <summary>Builds the emergency reply in the user's language with this deployment's numbers.</summary>
public sealed class EmergencyMessageBuilder(ContentCatalogs content, IOptions<EmergencyOptions> options)
{
    public EmergencyMessage Build(Interruption emergency, string? culture)
    {
        ArgumentNullException.ThrowIfNull(emergency);
        var messages = content.For(culture).Messages;
        var numbers = options.Value;
        var key = emergency.Detail switch
        {
            EmergencyDetails.SelfHarm => MessageKeys.EmergencySelfHarm,
            EmergencyDetails.SelfHarmMention => MessageKeys.EmergencySelfHarmNote,
            _ => MessageKeys.EmergencyMedical,
        };
        var guidance = messages.Format(key, ("emergencyNumber", numbers.Number), ("crisisLine", numbers.CrisisLine));
        return new EmergencyMessage(guidance, messages.Get(MessageKeys.EmergencyResume));
    }
}
