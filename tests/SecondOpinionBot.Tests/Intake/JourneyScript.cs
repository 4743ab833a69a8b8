namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// One line of a transcript: what the bot must have just said (a fragment), and how the user answers it — typed
/// words, or choices picked by their labels.
/// </summary>
public sealed record ScriptLine(string Expect, string? Typed, string[] Picks)
{
    public static ScriptLine Type(string expect, string text) => new(expect, text, []);

    public static ScriptLine Pick(string expect, params string[] labels) => new(expect, null, labels);

    public override string ToString() => $"\"{Expect}\" → {Typed ?? string.Join(" + ", Picks)}";
}

public static class JourneyScript
{
    /// <summary>Plays the lines in order, checking each expected fragment before answering; returns the last reply.</summary>
    public static async Task<BotTurn> PlayAsync(this JourneyChat chat, BotTurn shown, IEnumerable<ScriptLine> lines, Action<BotTurn>? eachTurn = null)
    {
        foreach (var line in lines)
        {
            Assert.True(shown.Says(line.Expect), $"Before {line}, the bot should have said \"{line.Expect}\". It said:\n{shown.AllText}");
            shown = line.Typed is not null ? await chat.SayAsync(line.Typed) : await chat.ChooseAsync(shown, line.Picks);
            eachTurn?.Invoke(shown);
        }

        return shown;
    }
}

/// <summary>The shortest honest way through each part of the journey, for tests about what happens along the way.</summary>
public static class ShortJourney
{
    public static ScriptLine[] Consent { get; } = [ScriptLine.Pick("OK for me to save your answers", "Yes, save my answers")];

    public static ScriptLine[] AsPatient { get; } = [ScriptLine.Pick("Are you the patient", "I am the patient")];

    public static ScriptLine[] Situation(string concern = "My back hurts") =>
    [
        ScriptLine.Type("What health problem", concern),
        ScriptLine.Pick("What did the doctor suggest", "A test or scan"),
        ScriptLine.Type("tell me a bit more", "skip"),
        ScriptLine.Type("Is there a date set", "skip"),
        ScriptLine.Type("Which clinic", "skip"),
        ScriptLine.Pick("how are the symptoms", "About the same"),
    ];

    /// <summary>No reason fits, no questions, every record "doesn't apply", no needs, this chat, any time.</summary>
    public static ScriptLine[] RestToSummary { get; } =
    [
        ScriptLine.Pick("Are you unsure about what is wrong", "No"),
        ScriptLine.Pick("other ways to treat this", "No"),
        ScriptLine.Pick("worried about the risks", "No"),
        ScriptLine.Pick("affect you for a long time", "No"),
        ScriptLine.Type("a question of your own", "done"),
        ScriptLine.Pick("Your insurance card", "Doesn't apply to me"),
        ScriptLine.Pick("The referral papers", "Doesn't apply to me"),
        ScriptLine.Pick("The treatment plan you were given", "Doesn't apply to me"),
        ScriptLine.Pick("Notes from your recent visits", "Doesn't apply to me"),
        ScriptLine.Pick("Reports from your scans", "Doesn't apply to me"),
        ScriptLine.Pick("Do you need help with any of these", "None of these"),
        ScriptLine.Type("anything else", "skip"),
        ScriptLine.Pick("How should our team get in touch", "This web chat"),
        ScriptLine.Type("good time to reach you", "skip"),
    ];

    public static ScriptLine[] Send { get; } = [ScriptLine.Pick("Shall I send this", "Yes, send it")];
}
