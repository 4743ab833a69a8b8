using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Content;
using SecondOpinionBot.Tests.Safety;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// The review sheet (Safety/Data/emergency-phrasings.tsv) typed into the running journey at four kinds of step: a
/// free-text question, a choice card, a yes/no question, and after the case is sent. Emergencies get their guidance
/// as the first reply and the same question after "continue"; a denied self-harm mention gets the gentle note and the
/// journey goes on; calm texts get no emergency wording. Each test lists every row that went wrong.
/// </summary>
public sealed class JourneyPhrasingTableTests
{
    private static readonly MessageCatalog Messages = ContentFixture.English.Messages;
    private static readonly string Medical = Messages.Format(MessageKeys.EmergencyMedical, ("emergencyNumber", "911"));
    private static readonly string Crisis = Messages.Format(MessageKeys.EmergencySelfHarm, ("crisisLine", "988"), ("emergencyNumber", "911"));
    private static readonly string Note = Messages.Format(MessageKeys.EmergencySelfHarmNote, ("crisisLine", "988"));

    private static IEnumerable<EmergencyPhrasing> Emergencies => EmergencyPhrasings.All.Where(r => r.IsEmergency);

    [Fact]
    public async Task At_a_free_text_question_every_row_gets_its_outcome()
    {
        await using var factory = Host();
        await using var chat = await JourneyChat.StartAsync(userId: "table-text", factory: factory);
        var own = Messages.Get(MessageKeys.QuestionsOwnAsk);
        var added = Messages.Get(MessageKeys.QuestionsAdded);
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary[..4]]);

        var wrong = new List<string>();
        // Short answers ("no", "not sure") end this loop by design; the recognizer table covers them.
        foreach (var row in EmergencyPhrasings.All.Where(r => ContentFixture.English.Answers.Match(r.Text) is null))
        {
            var reply = await chat.SayAsync(row.Text);
            var first = First(reply);
            switch (row.Expected)
            {
                case EmergencyPhrasing.Medical or EmergencyPhrasing.SelfHarm:
                    Check(wrong, row, first == (row.Expected == EmergencyPhrasing.Medical ? Medical : Crisis), reply);
                    var resumed = await chat.SayAsync("continue");
                    Check(wrong, row, resumed.Says(own) || resumed.Says(added), resumed, "after continue");
                    break;
                case EmergencyPhrasing.Note:
                    Check(wrong, row, first == Note && reply.Says(added), reply);
                    break;
                default:
                    Check(wrong, row, NoSafetyWording(reply) && reply.Says(added), reply);
                    break;
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} rows:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task At_a_choice_card_every_emergency_gets_guidance_and_the_card_again()
    {
        await using var factory = Host();
        await using var chat = await JourneyChat.StartAsync(userId: "table-choice", factory: factory);
        var card = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, Type(MessageKeys.SituationDiagnosis, "My back hurts")]);
        var choiceCard = Assert.Single(card.Cards, JourneyAnswers.IsChoiceCard);
        var labels = card.CardChoices();

        var wrong = new List<string>();
        var typed = false;
        foreach (var row in Emergencies)
        {
            // Alternately typed, and sent in the card's own answer field.
            typed = !typed;
            var data = (Newtonsoft.Json.Linq.JObject)choiceCard["actions"]![0]!["data"]!.DeepClone();
            data["answer"] = row.Text;
            var reply = typed ? await chat.SayAsync(row.Text) : await chat.SubmitAsync(data);
            Check(wrong, row, First(reply) == (row.Expected == EmergencyPhrasing.Medical ? Medical : Crisis), reply);
            var resumed = await chat.SayAsync("continue");
            Check(wrong, row, resumed.CardChoices().SequenceEqual(labels), resumed, "after continue");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} rows:\n" + string.Join("\n", wrong));
        Assert.Null((await chat.StoredDraftAsync())!.Proposed);
    }

    [Fact]
    public async Task At_a_yes_no_question_every_emergency_gets_guidance_and_the_question_again()
    {
        await using var factory = Host();
        await using var chat = await JourneyChat.StartAsync(userId: "table-yesno", factory: factory);
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation()]);
        const string question = "Are you unsure about what is wrong";

        var wrong = new List<string>();
        foreach (var row in Emergencies)
        {
            var reply = await chat.SayAsync(row.Text);
            Check(wrong, row, First(reply) == (row.Expected == EmergencyPhrasing.Medical ? Medical : Crisis), reply);
            var resumed = await chat.SayAsync("continue");
            Check(wrong, row, resumed.Says(question), resumed, "after continue");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} rows:\n" + string.Join("\n", wrong));
        Assert.Empty((await chat.StoredDraftAsync())!.Reasons);
    }

    [Fact]
    public async Task After_the_case_is_sent_every_row_gets_its_outcome()
    {
        await using var factory = Host();
        await using var chat = await JourneyChat.StartAsync(userId: "table-after", factory: factory);
        await chat.PlayAsync(await chat.OpenAsync(),
            [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary, .. ShortJourney.Send]);
        Assert.NotNull(await chat.LatestCaseAsync());

        var wrong = new List<string>();
        foreach (var row in EmergencyPhrasings.All)
        {
            var reply = await chat.SayAsync(row.Text);
            var first = First(reply);
            var ok = row.Expected switch
            {
                EmergencyPhrasing.Medical => first == Medical,
                EmergencyPhrasing.SelfHarm => first == Crisis,
                EmergencyPhrasing.Note => first == Note,
                _ => NoSafetyWording(reply),
            };
            Check(wrong, row, ok, reply);
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} rows:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// The sheet sends hundreds of messages into one conversation at machine speed, far past what a person types, so
    /// the per-conversation rate limit is off here (its own tests cover it).
    /// </summary>
    private static Support.BotAppFactory Host() => new(new() { ["RateLimits:Enabled"] = "false" });

    private static string First(BotTurn reply) => reply.Texts.Count > 0 ? reply.Texts[0] : "";

    private static bool NoSafetyWording(BotTurn reply) => !reply.Texts.Any(t => t == Medical || t == Crisis || t == Note);

    private static void Check(List<string> wrong, EmergencyPhrasing row, bool ok, BotTurn reply, string when = "")
    {
        if (!ok)
        {
            wrong.Add($"{row} {when}— bot said: {string.Join(" / ", reply.Texts).ReplaceLineEndings(" ")}");
        }
    }
}
