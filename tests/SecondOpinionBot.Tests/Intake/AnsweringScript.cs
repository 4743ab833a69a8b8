using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>The answers a scripted user gives; defaults use the made-up sentinel values, so logs can be scanned for them.</summary>
public sealed record ScriptedAnswers
{
    public bool Caregiver { get; init; }

    public string PatientName { get; init; } = Sentinels.Name;

    public string Concern { get; init; } = $"My doctor says it is {Sentinels.Diagnosis}";

    public string Proposed { get; init; } = "A treatment or medicine";

    public string ProposedDetail { get; init; } = "A new drug every week";

    public string Date { get; init; } = "no";

    public string Clinic { get; init; } = "Riverside Clinic";

    public string Symptoms { get; init; } = "About the same";

    public string OwnQuestion { get; init; } = Sentinels.Question;

    public string Needs { get; init; } = "Getting there";

    /// <summary>The answer to "anything else that would make this easier?".</summary>
    public string NeedsOther { get; init; } = "skip";

    public string ContactMethods { get; init; } = "Phone, Email";

    /// <summary>Typed first, with the country code and spaces; the retry answer is only used if it is refused.</summary>
    public string Phone { get; init; } = Sentinels.Phone;

    public string PhoneRetry { get; init; } = Sentinels.PhoneDigits;

    public string Email { get; init; } = Sentinels.Email;

    public string Times { get; init; } = "mornings";
}

/// <summary>
/// Answers whatever the bot asks, by the question's words, until the summary card arrives. Fast and independent of how
/// many records or reasons the content lists. The first reason (being sure of the diagnosis) is chosen, the others
/// not; the first record is "need help", the rest "have it".
/// </summary>
public static class AnsweringScript
{
    private const int MaxTurns = 80;

    public static Task<BotTurn> CompleteJourneyAsync(this JourneyChat chat, ScriptedAnswers? answers = null) =>
        CompleteJourneyAsync(chat.SayAsync, answers, (shown, marks, others) => chat.MarkRecordsAsync(shown, marks, others));

    /// <summary>The same over any channel: <paramref name="say"/> sends one message and returns the bot's replies;
    /// <paramref name="markRecords"/> answers the records card where the channel shows it.</summary>
    public static async Task<BotTurn> CompleteJourneyAsync(Func<string, Task<BotTurn>> say, ScriptedAnswers? answers = null,
        Func<BotTurn, IReadOnlyList<(string Record, string Status)>, string?, Task<BotTurn>>? markRecords = null)
    {

        answers ??= new ScriptedAnswers();
        var ownQuestionAsked = false;
        var recordsAnswered = 0;
        var reasonsAnswered = 0;
        var turn = await say("hi");
        for (var i = 0; i < MaxTurns; i++)
        {
            if (SummaryCard(turn) is not null)
            {
                return turn;
            }

            if (turn.RecordsCard() is not null)
            {
                // The first record "need help", the rest "have it"; a script that can only type asks for them one by one.
                turn = markRecords is null ? await say("one by one")
                    : await markRecords(turn, [(turn.RecordTitles()[0], "I need help getting it")], "I have it");
                continue;
            }

            var asked = LastQuestion(turn);
            string reply = asked switch
            {
                _ when asked.Contains("OK for me to save") => "Yes, save my answers",
                _ when asked.Contains("Are you the patient") => answers.Caregiver ? "I'm helping someone" : "I am the patient",
                _ when asked.Contains("first name of the person") => answers.PatientName,
                _ when asked.Contains(" is your …") => "Parent",
                _ when asked.Contains("agree that you can get this help") => "Yes, they agree",
                _ when asked.Contains("What health problem") => answers.Concern,
                _ when asked.Contains("What did the doctor suggest") => answers.Proposed,
                _ when asked.Contains("tell me a bit more") => answers.ProposedDetail,
                _ when asked.Contains("Is there a date set") => answers.Date,
                _ when asked.Contains("Which clinic") => answers.Clinic,
                _ when asked.Contains("how are the symptoms") => answers.Symptoms,
                _ when IsReasonQuestion(turn) => reasonsAnswered++ == 0 ? "yes" : "no",
                _ when asked.Contains("Do you want to keep these") => "yes",
                _ when asked.Contains("questions you could ask") => "Do my tests and scans fit this diagnosis?",
                _ when asked.Contains("question of your own") && !ownQuestionAsked => answers.OwnQuestion,
                _ when asked.Contains("question of your own") || asked.Contains("Type another question") => "done",
                _ when asked.Contains("remove or change any of them") => "done",
                _ when asked.Contains("It usually comes from") => recordsAnswered++ == 0 ? "I need help getting it" : "I have it",
                _ when asked.Contains("Do you need help with any of these") => answers.Needs,
                _ when asked.Contains("anything else that would make this easier") => answers.NeedsOther,
                _ when asked.Contains("How should our team get in touch") => answers.ContactMethods,
                _ when asked.Contains("What phone number") => answers.Phone,
                _ when asked.Contains("doesn't look like a phone number") => answers.PhoneRetry,
                _ when asked.Contains("What email address") => answers.Email,
                _ when asked.Contains("When is a good time") => answers.Times,
                _ when asked.Contains("Is that right?") => "yes",
                _ => throw new InvalidOperationException("The script has no answer for: " + asked),
            };
            ownQuestionAsked |= asked.Contains("question of your own");
            turn = await say(reply);
        }

        throw new InvalidOperationException("No summary card after " + MaxTurns + " answers.");
    }

    /// <summary>One of the four reasons: "does this sound like you?" with Yes / No / Not sure buttons.</summary>
    public static bool IsReasonQuestion(BotTurn turn) => turn.SuggestedActions.SequenceEqual(["Yes", "No", "Not sure"]);

    /// <summary>The summary card in this turn (the one with a confirm action), if any.</summary>
    public static JObject? SummaryCard(BotTurn turn) =>
        turn.Cards.FirstOrDefault(card => Submits(card).Any(data => data["so.kind"]?.ToString() == "summary.confirm"));

    /// <summary>Every Action.Submit / Action.Execute data object in a card, wherever it sits.</summary>
    public static IEnumerable<JObject> Submits(JObject card) =>
        card.Descendants().OfType<JObject>()
            .Where(o => o["type"]?.ToString() is "Action.Submit" or "Action.Execute" && o["data"] is JObject)
            .Select(o => (JObject)o["data"]!);

    public static JObject ConfirmPayload(JObject summaryCard) =>
        Submits(summaryCard).Single(d => d["so.kind"]?.ToString() == "summary.confirm");

    public static JObject EditPayload(JObject summaryCard, string section) =>
        Submits(summaryCard).Single(d => d["dialogId"]?.ToString() == "edit-" + section);

    private static string LastQuestion(BotTurn turn)
    {
        var cardText = turn.Cards.SelectMany(c => c.Descendants().OfType<JObject>())
            .Where(o => o["type"]?.ToString() == "TextBlock").Select(o => o["text"]?.ToString() ?? "").LastOrDefault();
        return cardText ?? (turn.Texts.Count > 0 ? turn.Texts[^1] : "");
    }
}
