using Newtonsoft.Json.Linq;
using SecondOpinionBot.Intake;
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
        Pick("Are you unsure about what is wrong", answers[0]),
        Pick("other ways to treat this", answers[1]),
        Pick("worried about the risks", answers[2]),
        Pick("affect you for a long time", answers[3]),
    ];

    public static ScriptLine[] PatientScript { get; } =
    [
        Pick("OK for me to save your answers", "Yes, save my answers"),
        Pick("Are you the patient", "I am the patient"),
        Type("What health problem", "My doctor found a lump in my breast"),
        Pick("What did the doctor suggest", "A treatment or medicine"),
        Type("tell me a bit more", "skip"),
        Type("Is there a date set", "no"),
        Type("Which clinic", "Riverside Clinic"),
        Pick("how are the symptoms", "About the same"),
        .. Reasons("Yes", "Yes", "No", "No"),
        Pick("Pick the ones you want", "Do my tests and scans fit this diagnosis?", "What are all my options, including waiting and watching?"),
        Type("number to change one", "done"),
        Records("I have it", ("Pathology reports", "I need help getting it")),
        Pick("Do you need help with any of these", "None of these"),
        Pick("How should our team get in touch", "Phone call"),
        Type("What phone number", "312-555-0147"),
        Pick("good time to reach you", "Mornings"),
        Confirm(),
    ];

    public static ScriptLine[] CaregiverScript { get; } =
    [
        Pick("OK for me to save your answers", "Yes, save my answers"),
        Pick("Are you the patient", "I'm helping someone"),
        Type("first name of the person you are helping", "Maria"),
        Pick("Maria is your …", "Mother or father"),
        Pick("Does Maria agree", "Yes, they agree"),
        Type("What health problem", "Her knee is worn out"),
        Pick("What did the doctor suggest", "Surgery or a procedure"),
        Type("tell me a bit more", "A knee replacement"),
        Type("Is there a date set", "no"),
        Type("Which clinic", "Northside Hospital"),
        Pick("how are the symptoms", "About the same"),
        .. Reasons("No", "Yes", "Yes", "No"),
        Pick("Pick the ones you want", "How often does this team do this operation?"),
        Type("number to change one", "done"),
        Records("I have it", ("Notes from any past anaesthesia", "I need help getting it")),
        Pick("Do you need help with any of these", "Getting there"),
        Type("anything else", "skip"),
        Pick("How should our team get in touch", "This web chat"),
        Pick("good time to reach you", "Any time"),
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
        await using var chat = await JourneyChat.StartAsync(userId: userId);
        chat.LocalNow = Tuesday;
        var turns = new List<BotTurn>();
        var opened = await chat.OpenAsync();
        turns.Add(opened);
        var last = await chat.PlayAsync(opened, script, turns.Add);

        Assert.True(last.Says("Your reference is"), last.AllText);
        Assert.NotNull(await chat.LatestCaseAsync());
        var activities = turns.SelectMany(t => t.Activities).ToList();
        if (Environment.GetEnvironmentVariable("JOURNEY_WORDS_DEBUG") == "1")
        {
            foreach (var a in activities)
            {
                var text = a["text"]?.ToString() ?? a["attachments"]?[0]?["content"]?["body"]?[0]?["text"]?.ToString() ?? "";
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
