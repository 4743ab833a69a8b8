namespace SecondOpinionBot.Bench;

/// <summary>
/// Messages shaped like what patients and caregivers type: short answers, a few sentences about the situation, now
/// and then a pasted history, with about one in twelve mentioning an emergency (some with typos or a negation).
/// Seeded, so every run sees the same messages.
/// </summary>
public static class PatientMessages
{
    private static readonly string[] Short =
    [
        "yes", "no", "ok", "help", "I'm the patient", "my mother", "not sure", "skip", "back", "start over",
        "talk to a person", "what do you know about me", "next week", "December 14", "by phone please", "mornings",
    ];

    private static readonly string[] Sentences =
    [
        "My doctor said I need surgery on my spine and I want to be sure it is the right choice.",
        "We were told the biopsy showed cancer but the report is hard to understand.",
        "I have had headaches for three months and the scans came back normal.",
        "My father is 78 and they want to start chemotherapy next month.",
        "I am caring for my husband who was diagnosed with heart failure last year.",
        "The specialist did not explain the other options and the appointment was very short.",
        "I have the MRI on a disc but I do not have the pathology report yet.",
        "Can someone help me get my records from the hospital?",
        "I would like to know what questions to ask at the next visit.",
        "We need help with transport because the clinic is two hours away.",
        "She is worried about the risks of the procedure and the recovery time.",
        "I do not have chest pain, just tiredness in the afternoons.",
        "He denies any trouble breathing but gets tired on the stairs.",
        "The insurance company asked for a second opinion before approving the treatment.",
        "My daughter has a rare condition and the local doctors have not seen it before.",
        "I feel fine most days but I am anxious about waiting so long.",
    ];

    private static readonly string[] Emergencies =
    [
        "my chest really hurts right now", "I can't breathe properly", "he passed out an hour ago",
        "the bleeding won't stop", "she is having a stroke I think, her face is drooping", "chest pian since this morning",
        "I took too many of my pills", "I want to kill myself", "he is not waking up", "really bad shortness of breath",
        "my dad is having a seizure", "I cant catch my breath",
    ];

    public static IReadOnlyList<string> Generate(int count, int seed)
    {
#pragma warning disable CA5394 // Not security: a fixed seed so every run measures the same messages.
        var random = new Random(seed);
        var messages = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var parts = new List<string>();
            if (roll < 0.35)
            {
                parts.Add(Short[random.Next(Short.Length)]);
            }
            else
            {
                // 1-3 sentences, and about one message in twenty a pasted history of 8-12 sentences.
                var sentences = roll > 0.95 ? random.Next(8, 13) : random.Next(1, 4);
                for (var s = 0; s < sentences; s++)
                {
                    parts.Add(Sentences[random.Next(Sentences.Length)]);
                }
            }

            if (random.NextDouble() < 1.0 / 12)
            {
                parts.Insert(random.Next(parts.Count + 1), Emergencies[random.Next(Emergencies.Length)]);
            }
#pragma warning restore CA5394

            messages.Add(string.Join(' ', parts));
        }

        return messages;
    }
}
