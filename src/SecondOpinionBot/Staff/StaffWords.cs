namespace SecondOpinionBot.Staff;

/// <summary>Staff-facing sentences that are not tied to one refusal or card (issue 15 moves all staff wording to content).</summary>
public static class StaffWords
{
    /// <summary>The help a care team member gets in their personal chat with the bot.</summary>
    public static string PersonalChatHelp(string firstName) =>
        $"Hello{(firstName.Length > 0 ? " " + firstName : "")}. You are on the care team, so I don't ask you the patient questions here. " +
        "Cases arrive as cards in your team's channel: press Details there to see a case, and Message patient to write to the patient " +
        "once you have it. I will tell you here when a patient on one of your cases writes or asks for a person. " +
        "In the channel, mention me and type \"queue\" to list open cases, or \"case SO-XXXX\" to see one.";
}
