using Newtonsoft.Json.Linq;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Support;
using Xunit.Abstractions;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// A journey that fits a phone: personas who answer with buttons wherever there are buttons, from the welcome to the
/// sent case, through the real host. Prints their turns, bot messages and the words on screen (text, card text,
/// labels and buttons; not what stays hidden until tapped), and holds them to the budget the welcome promises.
/// </summary>
public sealed class PhoneJourneyBudgetTests(ITestOutputHelper output)
{
    private const int PatientTurns = 20;
    private const int CaregiverTurns = 26;
    private const int PatientWords = 1200;

    // How a phone user takes the journey: the bot's words read at 150 a minute, and a few seconds for each answer
    // (a tap, or a few typed words).
    private const double WordsPerMinute = 150;
    private const double SecondsPerAnswer = 6;

    // The welcome's "about N minutes" must be this close to what each persona really takes.
    private const double EstimateTolerance = 1.5;

    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-6));

    private static ScriptLine[] Reasons(params string[] answers) =>
    [
        Pick(Expected.ReasonQuestion("diagnostic-clarity"), answers[0]),
        Pick(Expected.ReasonQuestion("treatment-confidence"), answers[1]),
        Pick(Expected.ReasonQuestion("risk-reduction"), answers[2]),
        Pick(Expected.ReasonQuestion("long-term-value"), answers[3]),
    ];

    public static ScriptLine[] PatientScript { get; } =
    [
        Pick(MessageKeys.WelcomeConsentAsk, "Yes, save my answers"),
        Pick(MessageKeys.RoleAsk, "I am the patient"),
        Type(MessageKeys.SituationDiagnosis, "My doctor found a lump in my breast"),
        Pick(MessageKeys.SituationProposed, "A treatment or medicine"),
        Type(MessageKeys.SituationProposedDetail, "skip"),
        Type(MessageKeys.SituationDateAsk, "no"),
        Type(MessageKeys.SituationClinic, "Riverside Clinic"),
        Pick(MessageKeys.SituationSymptomsAsk, "About the same"),
        .. Reasons("Yes", "Yes", "No", "No"),
        Pick(MessageKeys.QuestionsIntro, "Do my tests and scans fit this diagnosis?", "What are all my options, including waiting and watching?"),
        Type(MessageKeys.QuestionsOwnOrChange, "done"),
        Records("I have it", ("Pathology reports", "I need help getting it")),
        Pick(MessageKeys.NeedsAsk, "None of these"),
        Pick(MessageKeys.ContactMethodAsk, "Phone call"),
        Type(MessageKeys.ContactPhoneAsk, "312-555-0147"),
        Pick(MessageKeys.ContactTimesAsk, "Mornings"),
        Confirm(),
    ];

    public static ScriptLine[] CaregiverScript { get; } =
    [
        Pick(MessageKeys.WelcomeConsentAsk, "Yes, save my answers"),
        Pick(MessageKeys.RoleAsk, "I'm helping someone"),
        Type(MessageKeys.RolePatientName, "Maria"),
        Pick(Expected.Message(MessageKeys.RoleRelationship, ("patientName", "Maria")), "Mother or father"),
        Pick(Expected.Message(MessageKeys.RolePatientAgrees, ("patientName", "Maria")), "Yes, they agree"),
        Type(MessageKeys.SituationDiagnosis, "Her knee is worn out"),
        Pick(MessageKeys.SituationProposed, "Surgery or a procedure"),
        Type(MessageKeys.SituationProposedDetail, "A knee replacement"),
        Type(MessageKeys.SituationDateAsk, "no"),
        Type(MessageKeys.SituationClinic, "Northside Hospital"),
        Pick(MessageKeys.SituationSymptomsAsk, "About the same"),
        .. Reasons("No", "Yes", "Yes", "No"),
        Pick(MessageKeys.QuestionsIntro, "How often does this team do this operation?"),
        Type(MessageKeys.QuestionsOwnOrChange, "done"),
        Records("I have it", ("Notes from any past anaesthesia", "I need help getting it")),
        Pick(MessageKeys.NeedsAsk, "Getting there"),
        Type(MessageKeys.NeedsOtherAsk, "skip"),
        Pick(MessageKeys.ContactMethodAsk, "This web chat"),
        Pick(MessageKeys.ContactTimesAsk, "Any time"),
        Confirm(),
    ];

    [Fact]
    public async Task A_patient_using_buttons_finishes_within_twenty_turns_and_twelve_hundred_words()
    {
        var figures = await PlayAsync("budget-patient", PatientScript);

        Report("patient", figures);
        Assert.True(figures.Turns <= PatientTurns, $"{figures.Turns} turns");
        Assert.True(figures.Words <= PatientWords, $"{figures.Words} words");
        AssertTheWelcomeTimeIsHonest(figures);
    }

    [Fact]
    public async Task A_caregiver_using_buttons_finishes_within_twenty_six_turns()
    {
        var figures = await PlayAsync("budget-caregiver", CaregiverScript);

        Report("caregiver", figures);
        Assert.True(figures.Turns <= CaregiverTurns, $"{figures.Turns} turns");
        AssertTheWelcomeTimeIsHonest(figures);
    }

    private static void AssertTheWelcomeTimeIsHonest(JourneyFigures figures)
    {
        var minutes = figures.Minutes;
        Assert.True(Math.Abs(minutes - JourneyEstimate.Minutes) <= EstimateTolerance,
            $"The welcome says about {JourneyEstimate.Minutes} minutes; this persona takes {minutes:0.0} " +
            $"({figures.Words} words at {WordsPerMinute} a minute and {figures.Turns} answers at {SecondsPerAnswer} s). Change JourneyEstimate.Minutes.");
    }

    private void Report(string persona, JourneyFigures figures)
    {
        var line = $"{persona}: {figures.Turns} turns, {figures.Messages} bot messages, {figures.Words} words " +
            $"(~{figures.Words / WordsPerMinute:0.0} min reading at {WordsPerMinute} wpm, ~{figures.Minutes:0.0} min with answering; the welcome says {JourneyEstimate.Minutes})";
        output.WriteLine(line);
        Console.WriteLine("[journey budget] " + line);
    }

    private static async Task<JourneyFigures> PlayAsync(string userId, ScriptLine[] script)
    {
        // The word budget counts the in-hours "when": out of hours the reply names the day the team is back.
        await using var factory = new BotAppFactory(BotAppFactory.TeamAlwaysAtWork());
        await using var chat = await JourneyChat.StartAsync(userId: userId, factory: factory);
        chat.LocalNow = Tuesday;
        var turns = new List<BotTurn>();
        var opened = await chat.OpenAsync();
        turns.Add(opened);
        var last = await chat.PlayAsync(opened, script, turns.Add);

        Assert.True(last.Says(MessageKeys.HandoffSent), last.AllText);
        Assert.NotNull(await chat.LatestCaseAsync());
        var activities = turns.SelectMany(t => t.Activities).ToList();
        if (Environment.GetEnvironmentVariable("JOURNEY_WORDS_DEBUG") == "1")
        {
            foreach (var a in activities)
            {
                var text = a["text"]?.ToString() ?? (a["attachments"]?[0]?["content"]?["body"]?[0] is JObject first ? (first["text"] ?? first["label"])?.ToString() : null) ?? "";
                Console.WriteLine($"[words] {VisibleWords(a),4} {text[..Math.Min(90, text.Length)].Replace("\n", " ")}");
            }
        }

        return new JourneyFigures(script.Length, activities.Count, activities.Sum(VisibleWords));
    }

    /// <summary>Words a person sees: message text, suggested buttons, and card text that is visible without a tap.</summary>
    internal static int VisibleWords(JObject activity)
    {
        var words = Count(activity["text"]?.ToString());
        words += (activity["suggestedActions"]?["actions"] as JArray ?? []).Sum(a => Count(a["title"]?.ToString()));
        foreach (var attachment in activity["attachments"] as JArray ?? [])
        {
            words += attachment["content"] is not JObject content ? 0
                : attachment["contentType"]?.ToString() == "application/vnd.microsoft.card.hero"
                    ? Count(content["title"]?.ToString()) + Count(content["text"]?.ToString()) + (content["buttons"] as JArray ?? []).Sum(b => Count(b["title"]?.ToString()))
                    : CardWords(content);
        }

        return words;
    }

    private static int CardWords(JToken node) => node switch
    {
        JObject o when o["isVisible"]?.Type == JTokenType.Boolean && !(bool)o["isVisible"]! => 0,
        JObject o when o["type"]?.ToString() == "Action.ShowCard" => Count(o["title"]?.ToString()),
        JObject o => Count(o["type"]?.ToString() is "TextBlock" ? o["text"]?.ToString() : null)
            + Count(o["label"]?.ToString())
            + Count(o["type"]?.ToString() is { } type && type.StartsWith("Action.", StringComparison.Ordinal) ? o["title"]?.ToString() : null)
            + Count(o["type"] is null && o["title"] is not null && o["value"] is not null ? $"{o["title"]} {(o.Parent?.Parent?.Parent?["type"]?.ToString() == "FactSet" ? o["value"] : "")}" : null)
            + o.Properties().Where(p => p.Name is not ("text" or "label" or "title" or "value")).Sum(p => CardWords(p.Value)),
        JArray a => a.Sum(CardWords),
        _ => 0,
    };

    private static int Count(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    private sealed record JourneyFigures(int Turns, int Messages, int Words)
    {
        public double Minutes => (Words / WordsPerMinute) + (Turns * SecondsPerAnswer / 60);
    }
}
