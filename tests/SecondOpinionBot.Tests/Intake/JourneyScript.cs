using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// One line of a transcript: what the bot must have just said (a message by key, see <see cref="Expected"/>), and how
/// the user answers it — typed words, or choices picked by their labels.
/// </summary>
public sealed record ScriptLine(Expected Expect, string? Typed, string[] Picks)
{
    /// <summary>On the records card: (words of the record's title, status label) rows; others get <see cref="OtherRecords"/>.</summary>
    public IReadOnlyList<(string Record, string Status)>? RecordMarks { get; init; }

    public string? OtherRecords { get; init; }

    /// <summary>Taps the summary card's one confirm button.</summary>
    public bool ConfirmOnCard { get; init; }

    public static ScriptLine Type(Expected expect, string text) => new(expect, text, []);

    public static ScriptLine Pick(Expected expect, params string[] labels) => new(expect, null, labels);

    /// <summary>Marks the records card and taps Save: the listed rows as given, every other row <paramref name="others"/> (null leaves them blank).</summary>
    public static ScriptLine Records(string? others, params (string Record, string Status)[] marks) =>
        new(MessageKeys.RecordsCardAsk, null, []) { RecordMarks = marks, OtherRecords = others };

    public static ScriptLine Confirm(Expected? expect = null) => new(expect ?? MessageKeys.SummaryConfirmAsk, null, []) { ConfirmOnCard = true };

    public override string ToString() => RecordMarks is not null ? $"records card: {string.Join(", ", RecordMarks)}; others {OtherRecords}"
        : ConfirmOnCard ? "send from the summary card"
        : $"{Expect} → {Typed ?? string.Join(" + ", Picks)}";
}

public static class JourneyScript
{
    /// <summary>Plays the lines in order, checking each expected fragment before answering; returns the last reply.</summary>
    public static async Task<BotTurn> PlayAsync(this JourneyChat chat, BotTurn shown, IEnumerable<ScriptLine> lines, Action<BotTurn>? eachTurn = null)
    {
        foreach (var line in lines)
        {
            Assert.True(line.Expect.IsIn(shown), $"Before {line}, the bot should have said {line.Expect}. It said:\n{shown.AllText}");
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
    public static ScriptLine[] Consent { get; } = [ScriptLine.Pick(MessageKeys.WelcomeConsentAsk, "Yes, save my answers")];

    public static ScriptLine[] AsPatient { get; } = [ScriptLine.Pick(MessageKeys.RoleAsk, "I am the patient")];

    public static ScriptLine[] Situation(string concern = "My back hurts") =>
    [
        ScriptLine.Type(MessageKeys.SituationDiagnosis, concern),
        ScriptLine.Pick(MessageKeys.SituationProposed, "A test or scan"),
        ScriptLine.Type(MessageKeys.SituationProposedDetail, "skip"),
        ScriptLine.Type(MessageKeys.SituationDateAsk, "skip"),
        ScriptLine.Type(MessageKeys.SituationClinic, "skip"),
        ScriptLine.Pick(MessageKeys.SituationSymptomsAsk, "About the same"),
    ];

    /// <summary>No reason fits, no questions, every record "doesn't apply", no needs, this chat, any time.</summary>
    public static ScriptLine[] RestToSummary { get; } =
    [
        ScriptLine.Pick(Expected.ReasonQuestion("diagnostic-clarity"), "No"),
        ScriptLine.Pick(Expected.ReasonQuestion("treatment-confidence"), "No"),
        ScriptLine.Pick(Expected.ReasonQuestion("risk-reduction"), "No"),
        ScriptLine.Pick(Expected.ReasonQuestion("long-term-value"), "No"),
        ScriptLine.Type(MessageKeys.QuestionsOwnAsk, "done"),
        ScriptLine.Records("Doesn't apply to me"),
        ScriptLine.Pick(MessageKeys.NeedsAsk, "None of these"),
        ScriptLine.Pick(MessageKeys.ContactMethodAsk, "This web chat"),
        ScriptLine.Type(MessageKeys.ContactTimesAsk, "skip"),
    ];

    public static ScriptLine[] Send { get; } = [ScriptLine.Confirm()];
}
