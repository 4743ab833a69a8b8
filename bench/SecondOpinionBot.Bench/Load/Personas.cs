namespace SecondOpinionBot.Bench.Load;

/// <summary>
/// A simulated patient or caregiver, after the test personas (tests/…/Intake/PersonaJourneyTests): the words they
/// type when asked in their own words. Choices are picked from what the bot offers (see <see cref="JourneyPatient"/>).
/// </summary>
public sealed record Persona(
    string Name,
    bool Caregiver,
    string Channel,
    string PatientName,
    string Concern,
    string ProposedDetail,
    string Date,
    string Clinic,
    string OwnQuestion,
    string Phone,
    string PhoneDigits,
    string Email,
    string Times)
{
    public static IReadOnlyList<Persona> All { get; } =
    [
        new("unsure-cancer", false, "webchat", "", "They found a lump and say it might be cancer", "A biopsy next month", "no",
            "Dr Lee at City Clinic", "Should the biopsy be done again?", "(312) 555-0147", "3125550147", "pat.unsure@example.org", "weekdays after 3pm"),
        new("caregiver-knee", true, "msteams", "Maria", "Her knee is worn out", "A knee replacement", "in five days",
            "Northside Hospital", "How long is the recovery?", "(312) 555-0182", "3125550182", "maria.family@example.org", "mornings"),
        new("money-dialysis", false, "webchat", "", "I have diabetes and my kidneys are failing", "dialysis three times a week", "skip",
            "skip", "Is there a treatment I can do at home?", "312-555-0199", "3125550199", "kidney.pat@example.org", "evenings"),
        new("back-pain", false, "msteams", "", "My back hurts and they want to operate", "Spinal fusion", "March 3",
            "Riverside Clinic", "What happens if I wait?", "+1 312 555 0123", "3125550123", "back.pain@example.org", "any time"),
    ];
}
