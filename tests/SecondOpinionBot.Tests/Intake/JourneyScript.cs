namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// One line of a transcript: what the bot must have just said (a fragment), and how the user answers it — typed
/// words, or choices picked by their labels.
/// </summary>
public sealed record ScriptLine(string Expect, string? Typed, string[] Picks)
{
    /// <summary>On the records card: (words of the record's title, status label) rows; others get <see cref="OtherRecords"/>.</summary>
    public IReadOnlyList<(string Record, string Status)>? RecordMarks { get; init; }

    public string? OtherRecords { get; init; }

    /// <summary>Taps the summary card's one confirm button.</summary>
    public bool ConfirmOnCard { get; init; }

    public static ScriptLine Type(string expect, string text) => new(expect, text, []);

    public static ScriptLine Pick(string expect, params string[] labels) => new(expect, null, labels);

    /// <summary>Marks the records card and taps Save: the listed rows as given, every other row <paramref name="others"/> (null leaves them blank).</summary>
    public static ScriptLine Records(string? others, params (string Record, string Status)[] marks) =>
        new(JourneyAnswers.RecordsCardPrompt, null, []) { RecordMarks = marks, OtherRecords = others };

    public static ScriptLine Confirm(string expect = "Shall I send this") => new(expect, null, []) { ConfirmOnCard = true };

    public override string ToString() => RecordMarks is not null ? $"records card: {string.Join(", ", RecordMarks)}; others {OtherRecords}"
        : ConfirmOnCard ? "send from the summary card"
        : $"\"{Expect}\" → {Typed ?? string.Join(" + ", Picks)}";
}

public static class JourneyScript
{
    /// <summary>Plays the lines in order, checking each expected fragment before answering; returns the last reply.</summary>
    public static async Task<BotTurn> PlayAsync(this JourneyChat chat, BotTurn shown, IEnumerable<ScriptLine> lines, Action<BotTurn>? eachTurn = null)
    {
        foreach (var line in lines)
        {
            Assert.True(shown.Says(line.Expect), $"Before {line}, the bot should have said \"{line.Expect}\". It said:\n{shown.AllText}");
            shown = line switch
            {
                { RecordMarks: { } marks } => await chat.MarkRecordsAsync(shown, marks, line.OtherRecords),
                { ConfirmOnCard: true } => await chat.SubmitAsync(AnsweringScript.ConfirmPayload(AnsweringScript.SummaryCard(shown)
                    ?? throw new InvalidOperationException("No summary card to confirm:\n" + shown.AllText))),
                { Typed: { } typed } => await chat.SayAsync(typed),
                _ => await chat.ChooseAsync(shown, line.Picks),
            };
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
        ScriptLine.Records("Doesn't apply to me"),
        ScriptLine.Pick("Do you need help with any of these", "None of these"),
        ScriptLine.Pick("How should our team get in touch", "This web chat"),
        ScriptLine.Type("good time to reach you", "skip"),
    ];

    public static ScriptLine[] Send { get; } = [ScriptLine.Confirm()];
}
