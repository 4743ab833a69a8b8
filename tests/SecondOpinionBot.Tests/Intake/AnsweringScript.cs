using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
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

    /// <summary>
    /// The same person answering in another language: their own words written in it, and the buttons' labels as that
    /// language's content words them (the script also taps the consent, role, yes/no and records buttons in it).
    /// </summary>
    public static ScriptedAnswers In(ContentCatalog language, string concern, string proposedDetail, string clinic, string needsOther)
    {
        ArgumentNullException.ThrowIfNull(language);
        return new ScriptedAnswers
        {
            Language = language,
            Concern = concern,
            Proposed = language.Choices(ChoiceSetIds.Proposal)["treatment"].Label,
            ProposedDetail = proposedDetail,
            Date = language.Messages.Get(MessageKeys.EngineNoLabel),
            Clinic = clinic,
            Symptoms = language.Choices(ChoiceSetIds.Urgency)["stable"].Label,
            Needs = language.Need("transport").Label,
            NeedsOther = needsOther,
            ContactMethods = $"{language.Choices(ChoiceSetIds.ContactMethod)["phone"].Label}, {language.Choices(ChoiceSetIds.ContactMethod)["email"].Label}",
            Times = language.Choices(ChoiceSetIds.ContactTimes)["mornings"].Label,
        };
    }

    /// <summary>The content whose words the script recognises and taps; null: the repository's default language.</summary>
    public ContentCatalog? Language { get; init; }
}

/// <summary>
/// Answers whatever the bot asks, recognising the question by its message key, until the summary card arrives. Fast and independent of how
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
        var words = answers.Language is { } language ? ScriptWords.In(language) : ScriptWords.English;
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
                turn = markRecords is null ? await say(words.OneByOne)
                    : await markRecords(turn, [(turn.RecordTitles()[0], words.NeedHelp)], words.Have);
                continue;
            }

            var asked = LastQuestion(turn);
            bool Asks(params MessageKey[] keys) => keys.Any(key => turn.Messages.Says(asked, key));
            string reply = asked switch
            {
                _ when Asks(MessageKeys.WelcomeConsentAsk) => words.ConsentYes,
                _ when Asks(MessageKeys.RoleAsk) => answers.Caregiver ? words.Helping : words.Patient,
                _ when Asks(MessageKeys.RolePatientName) => answers.PatientName,
                _ when Asks(MessageKeys.RoleRelationship) => words.Parent,
                _ when Asks(MessageKeys.RolePatientAgrees) => words.Agrees,
                _ when Asks(MessageKeys.SituationDiagnosis) => answers.Concern,
                _ when Asks(MessageKeys.SituationProposed) => answers.Proposed,
                _ when Asks(MessageKeys.SituationProposedDetail) => answers.ProposedDetail,
                _ when Asks(MessageKeys.SituationDateAsk) => answers.Date,
                _ when Asks(MessageKeys.SituationClinic) => answers.Clinic,
                _ when Asks(MessageKeys.SituationSymptomsAsk) => answers.Symptoms,
                _ when IsReasonQuestion(turn) => reasonsAnswered++ == 0 ? words.Yes : words.No,
                _ when Asks(MessageKeys.ReasonsSuggestionAsk) => words.Yes,
                _ when Asks(MessageKeys.QuestionsIntro) => words.SuggestedQuestion ?? turn.CardChoices()[0],
                _ when Asks(MessageKeys.QuestionsOwnAsk, MessageKeys.QuestionsOwnOrChange) && !ownQuestionAsked => answers.OwnQuestion,
                _ when Asks(MessageKeys.QuestionsOwnAsk, MessageKeys.QuestionsOwnOrChange, MessageKeys.QuestionsAdded) => words.Done,
                _ when Asks(MessageKeys.RecordsItemAsk) => recordsAnswered++ == 0 ? words.NeedHelp : words.Have,
                _ when Asks(MessageKeys.NeedsAsk) => answers.Needs,
                _ when Asks(MessageKeys.NeedsOtherAsk) => answers.NeedsOther,
                _ when Asks(MessageKeys.ContactMethodAsk) => answers.ContactMethods,
                _ when Asks(MessageKeys.ContactPhoneAsk) => answers.Phone,
                _ when Asks(MessageKeys.ContactPhoneInvalid) => answers.PhoneRetry,
                _ when Asks(MessageKeys.ContactEmailAsk) => answers.Email,
                _ when Asks(MessageKeys.ContactTimesAsk) => answers.Times,
                _ when Asks(MessageKeys.SituationDateReadBack, MessageKeys.ContactTimesReadBack) => words.Yes,
                _ => throw new InvalidOperationException("The script has no answer for: " + asked),
            };
            ownQuestionAsked |= Asks(MessageKeys.QuestionsOwnAsk, MessageKeys.QuestionsOwnOrChange);
            turn = await say(reply);
        }

        throw new InvalidOperationException("No summary card after " + MaxTurns + " answers.");
    }

    /// <summary>One of the four reasons: "does this sound like you?" with Yes / No / Not sure buttons.</summary>
    public static bool IsReasonQuestion(BotTurn turn) =>
        turn.SuggestedActions.SequenceEqual([turn.Messages.Get(MessageKeys.EngineYesLabel), turn.Messages.Get(MessageKeys.EngineNoLabel), turn.Messages.Get(MessageKeys.EngineNotSureLabel)]);

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
            .Where(o => o["type"]?.ToString() is "TextBlock" or "Input.ChoiceSet")
            .Select(o => (o["type"]!.ToString() == "TextBlock" ? o["text"] : o["label"])?.ToString() ?? "").LastOrDefault();
        return cardText ?? (turn.Texts.Count > 0 ? turn.Texts[^1] : "");
    }
}

/// <summary>
/// What the script taps or types that is not the person's own words. English keeps the phrasings the English tests
/// were written with; another language takes its content's labels.
/// </summary>
internal sealed record ScriptWords(string ConsentYes, string Patient, string Helping, string Parent, string Agrees, string Yes, string No,
    string Done, string NeedHelp, string Have, string OneByOne, string? SuggestedQuestion)
{
    public static ScriptWords English { get; } = new("Yes, save my answers", "I am the patient", "I'm helping someone", "Parent", "Yes, they agree",
        "yes", "no", "done", "I need help getting it", "I have it", "one by one", "Do my tests and scans fit this diagnosis?");

    public static ScriptWords In(ContentCatalog c) => new(
        c.Choices(ChoiceSetIds.Consent)["yes"].Label, c.Choices(ChoiceSetIds.Role)["patient"].Label, c.Choices(ChoiceSetIds.Role)["caregiver"].Label,
        c.Choices(ChoiceSetIds.Relationship)["parent"].Label, c.Choices(ChoiceSetIds.ProxyAuthority)["agrees"].Label,
        c.Messages.Get(MessageKeys.EngineYesLabel), c.Messages.Get(MessageKeys.EngineNoLabel), c.Answers.Done[0],
        c.Choices(ChoiceSetIds.RecordStatus)["need-help"].Label, c.Choices(ChoiceSetIds.RecordStatus)["have"].Label,
        c.Choices(ChoiceSetIds.RecordsMode)["one-by-one"].Label, null);
}
