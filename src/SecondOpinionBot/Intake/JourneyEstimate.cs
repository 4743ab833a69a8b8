namespace SecondOpinionBot.Intake;

/// <summary>
/// The welcome's "in about {minutes} minutes". Not a guess: PhoneJourneyBudgetTests plays a patient and a caregiver
/// who answer with buttons through the real host and times them as a phone user would take it (the bot's words read at
/// 150 a minute, plus a few seconds for each answer), and fails when this figure is more than a minute and a half off
/// either of them. Change it when that test says so.
/// </summary>
public static class JourneyEstimate
{
    public const int Minutes = 10;
}
