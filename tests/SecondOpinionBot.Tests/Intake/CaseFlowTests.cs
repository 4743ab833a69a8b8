using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>From the summary card to a stored case, through the real host, as a web chat patient experiences it.</summary>
public sealed partial class CaseFlowTests
{
    private static readonly SecondOpinionBot.Content.MessageKey[] SummaryHeadings =
    [
        MessageKeys.SummaryHeadingsRole, MessageKeys.SummaryHeadingsSituation, MessageKeys.SummaryHeadingsReasons, MessageKeys.SummaryHeadingsQuestions,
        MessageKeys.SummaryHeadingsRecords, MessageKeys.SummaryHeadingsNeeds, MessageKeys.SummaryHeadingsUrgency, MessageKeys.SummaryHeadingsContact,
    ];

    [Fact]
    public async Task Summary_card_shows_every_section_with_its_answers_one_send_and_one_change_something()
    {
        await using var chat = await JourneyChat.StartAsync();

        var turn = await chat.CompleteJourneyAsync();

        var card = AnsweringScript.SummaryCard(turn)!;
        Assert.Equal("1.5", card["version"]?.ToString());
        var text = card.ToString();
        Assert.All(SummaryHeadings, heading => Assert.True(turn.Says(heading), heading.Name));
        Assert.Contains(Sentinels.Diagnosis, text, StringComparison.Ordinal);
        Assert.Contains("1. Do my tests and scans fit this diagnosis?", text, StringComparison.Ordinal);
        Assert.Contains("2. " + Sentinels.Question, text, StringComparison.Ordinal);
        Assert.True(turn.Says(MessageKeys.SummaryRecordNeedHelp), text);
        Assert.Contains("555 013 9472", text, StringComparison.Ordinal);
        // One "Change something" that opens the list of sections; one way to send.
        var actions = (Newtonsoft.Json.Linq.JArray)card["actions"]!;
        Assert.Equal(["Action.Submit", "Action.ShowCard"], actions.Select(a => a["type"]!.ToString()));
        Assert.Equal(turn.Messages.Get(MessageKeys.SummaryEdit), actions[1]["title"]!.ToString());
        var edits = AnsweringScript.Submits((Newtonsoft.Json.Linq.JObject)actions[1]["card"]!).Select(d => d["dialogId"]?.ToString()).ToList();
        Assert.Equal(
            ["edit-role", "edit-situation", "edit-reasons", "edit-questions", "edit-records", "edit-needs", "edit-urgency", "edit-contact"],
            edits);
        Assert.DoesNotContain(((Newtonsoft.Json.Linq.JArray)card["body"]!).Descendants().OfType<Newtonsoft.Json.Linq.JObject>(), o => o["type"]?.ToString() is "ActionSet" or "Action.Submit");
        Assert.Single(AnsweringScript.Submits(card), d => d["so.kind"]?.ToString() == "summary.confirm");
        Assert.Empty(turn.SuggestedActions);
    }

    [Fact]
    public async Task Editing_the_situation_asks_only_that_section_again_and_returns_to_a_fresh_summary()
    {
        await using var chat = await JourneyChat.StartAsync();
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;

        var turn = await chat.SubmitAsync(AnsweringScript.EditPayload(card, "situation"));
        Assert.True(turn.Says(MessageKeys.SituationDiagnosis), turn.AllText);

        turn = await chat.SayAsync("A stubborn knee problem");
        turn = await chat.SayAsync("A test or scan");
        turn = await chat.SayAsync("An MRI");
        turn = await chat.SayAsync("no");
        turn = await chat.SayAsync("Lakeside Clinic");
        Assert.Contains(Wording.Choice(SecondOpinionBot.Content.ChoiceSetIds.Urgency, "stable"), turn.SuggestedActions);
        turn = await chat.SayAsync("About the same");

        // Straight back to the summary: no reasons, questions or records asked again.
        Assert.False(turn.Says(MessageKeys.ReasonsIntro) || turn.Says(MessageKeys.RecordsItemAsk), turn.AllText);
        var fresh = AnsweringScript.SummaryCard(turn);
        Assert.NotNull(fresh);
        var text = fresh.ToString();
        Assert.Contains("A stubborn knee problem", text, StringComparison.Ordinal);
        Assert.Contains("Lakeside Clinic", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinels.Diagnosis, text, StringComparison.Ordinal);
        Assert.Contains(Sentinels.Question, text, StringComparison.Ordinal);
        Assert.True((int)AnsweringScript.ConfirmPayload(fresh)[SecondOpinionBot.Dialogs.Cards.CardTag.VersionKey]! > (int)AnsweringScript.ConfirmPayload(card)[SecondOpinionBot.Dialogs.Cards.CardTag.VersionKey]!);
    }

    [Fact]
    public async Task Saying_change_offers_the_sections_and_naming_one_reopens_it()
    {
        await using var chat = await JourneyChat.StartAsync();
        await chat.CompleteJourneyAsync();

        var offer = await chat.SayAsync("I want to change something");
        Assert.True(offer.Says(MessageKeys.SummaryChangeAsk), offer.AllText);
        Assert.True(offer.Says(MessageKeys.SummaryHeadingsContact) && offer.Says(MessageKeys.SummaryHeadingsQuestions), offer.AllText);

        var reopened = await chat.SayAsync("contact");
        Assert.True(reopened.Says(MessageKeys.ContactMethodAsk), reopened.AllText);
        await chat.SayAsync("Email");
        await chat.SayAsync("new.address@example.org");
        var turn = await chat.SayAsync("any time");
        if (AnsweringScript.SummaryCard(turn) is null)
        {
            turn = await chat.SayAsync("yes");
        }

        var fresh = AnsweringScript.SummaryCard(turn);
        Assert.NotNull(fresh);
        Assert.Contains("new.address", fresh.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("555 013 9472", fresh.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_from_an_outdated_summary_card_shows_the_current_summary_and_creates_no_case()
    {
        await using var chat = await JourneyChat.StartAsync();
        var oldCard = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.EditPayload(oldCard, "urgency"));
        var turn = await chat.SayAsync("Getting worse slowly");
        Assert.NotNull(AnsweringScript.SummaryCard(turn));

        turn = await chat.SubmitAsync(AnsweringScript.ConfirmPayload(oldCard));

        var current = AnsweringScript.SummaryCard(turn);
        Assert.NotNull(current);
        Assert.NotEqual((int)AnsweringScript.ConfirmPayload(oldCard)[SecondOpinionBot.Dialogs.Cards.CardTag.VersionKey]!, (int)AnsweringScript.ConfirmPayload(current)[SecondOpinionBot.Dialogs.Cards.CardTag.VersionKey]!);
        Assert.False(turn.Says(MessageKeys.HandoffSent), turn.AllText);
        Assert.Null(await LatestCaseAsync(chat));
    }

    [Fact]
    public async Task Edit_on_an_outdated_summary_card_shows_the_current_summary_instead_of_reopening_the_section()
    {
        await using var chat = await JourneyChat.StartAsync();
        var oldCard = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.EditPayload(oldCard, "urgency"));
        await chat.SayAsync("Getting worse slowly");

        var turn = await chat.SubmitAsync(AnsweringScript.EditPayload(oldCard, "situation"));

        Assert.False(turn.Says(MessageKeys.SituationDiagnosis), turn.AllText);
        Assert.True(turn.Says(MessageKeys.EngineStaleCard), turn.AllText);
        Assert.NotNull(AnsweringScript.SummaryCard(turn));
    }

    [Fact]
    public async Task Edit_on_the_summary_card_after_the_case_was_sent_changes_nothing_and_shows_the_case_status()
    {
        await using var chat = await JourneyChat.StartAsync();
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var reference = (await LatestCaseAsync(chat))!.Reference;

        var turn = await chat.SubmitAsync(AnsweringScript.EditPayload(card, "situation"));

        Assert.False(turn.Says(MessageKeys.SituationDiagnosis), turn.AllText);
        Assert.True(turn.Says(MessageKeys.CommandsStatus, ("reference", reference)), turn.AllText);
    }

    [Fact]
    public async Task Confirming_the_current_card_creates_exactly_one_case_with_the_answers_and_tells_the_reference()
    {
        await using var chat = await JourneyChat.StartAsync();
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;

        var turn = await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var again = await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));

        var told = ReferencePattern().Match(turn.AllText);
        Assert.True(told.Success, turn.AllText);
        var stored = await LatestCaseAsync(chat);
        Assert.NotNull(stored);
        Assert.Equal(told.Value, stored.Reference);
        Assert.Equal(CaseStatus.New, stored.Status);
        Assert.Equal(CasePriority.Routine, stored.Priority);
        Assert.Contains("diagnostic-clarity", stored.Details.Reasons);
        Assert.Equal(["Do my tests and scans fit this diagnosis?", Sentinels.Question], stored.Details.Questions);
        Assert.Contains(RecordStatus.NeedHelp, stored.Details.Records.Values);
        Assert.Contains(RecordStatus.Have, stored.Details.Records.Values);
        Assert.Equal(["transport"], stored.Details.Needs);
        Assert.Equal(["phone", "email"], stored.Details.ContactMethods);
        Assert.Equal(Sentinels.Phone, stored.Details.Phone);
        Assert.Equal(Sentinels.Email, stored.Details.Email);
        var conversation = JObject.Parse(stored.PatientConversation!);
        Assert.Equal(chat.ConversationId, conversation["conversation"]?["id"]?.ToString());
        Assert.Equal(chat.Connector.ServiceUrl, conversation["serviceUrl"]?.ToString());

        var audit = await Cases(chat).GetAuditAsync(stored.Reference, CancellationToken.None);
        Assert.Single(audit, a => a.Action == "created");

        // In local mode the printable sheet comes as a link from this server's own address, with a short message: the
        // sheet itself is not dumped into the chat.
        var link = Assert.Single(turn.Activities.SelectMany(a => a["attachments"] as JArray ?? []), a => a["contentType"]?.ToString() == "application/vnd.microsoft.card.hero");
        var button = link["content"]!["buttons"]![0]!;
        Assert.Equal(turn.Messages.Get(MessageKeys.PrepSheetOpen), button["title"]!.ToString());
        Assert.Matches(@"^http://localhost(:\d+)?/prep/", button["value"]!.ToString());
        Assert.False(turn.Says(MessageKeys.PrepSheetQuestionsHeading), turn.AllText);
        using var page = await chat.Factory.CreateClient().GetAsync(new Uri(button["value"]!.ToString()).PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(stored.Reference, html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Sentinels.Question), html, StringComparison.Ordinal);

        // A second click on the same card does not make a second case.
        Assert.False(ReferencePattern().Match(again.AllText) is { Success: true } second && second.Value != stored.Reference, again.AllText);
        Assert.Equal(stored.Reference, (await LatestCaseAsync(chat))!.Reference);
        Assert.Single(await Cases(chat).ListOpenAsync(stored.Queue, CancellationToken.None));
    }

    [Fact]
    public async Task With_a_public_address_a_link_button_to_the_printable_sheet_arrives_and_serves_it()
    {
        var factory = new BotAppFactory(new() { ["PrepSheets:PublicBaseUrl"] = "https://bot.example.org" });
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;

        var turn = await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));

        var link = turn.Activities.SelectMany(a => a["attachments"] as JArray ?? [])
            .SelectMany(a => a["content"]?["buttons"] as JArray ?? [])
            .Select(b => b["value"]?.ToString())
            .Single(v => v?.StartsWith("https://bot.example.org/prep/", StringComparison.Ordinal) == true)!;
        using var client = chat.Factory.CreateClient();
        var page = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var stored = await LatestCaseAsync(chat);
        Assert.Contains(stored!.Reference, html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Sentinels.Question), html, StringComparison.Ordinal);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_handoff_fails_the_patient_is_not_told_it_was_sent_and_sending_again_makes_no_second_case()
    {
        var factory = new BotAppFactory(services: services =>
        {
            services.AddSingleton<SqliteOutbox>();
            services.AddSingleton<IOutbox>(sp => new OutboxFailingOnce(sp.GetRequiredService<SqliteOutbox>()));
        });
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        await chat.CompleteJourneyAsync();

        var failed = await chat.SayAsync("Yes, send it");
        Assert.True(failed.Says(MessageKeys.HandoffFailed), failed.AllText);
        Assert.False(failed.Says(MessageKeys.HandoffSent), failed.AllText);
        Assert.True(failed.Says(MessageKeys.SummaryConfirmAskCard), failed.AllText);

        var sent = await chat.SayAsync("Yes, send it");
        var told = ReferencePattern().Match(sent.AllText);
        Assert.True(told.Success, sent.AllText);
        var stored = (await LatestCaseAsync(chat))!;
        Assert.Equal(told.Value, stored.Reference);
        Assert.Single(await Cases(chat).ListOpenAsync(stored.Queue, CancellationToken.None));
        Assert.Equal(1, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM cases"));
        Assert.Equal(1, DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM outbox WHERE kind = 'create-thread'"));
    }

    /// <summary>The first enqueue fails, as a locked or full database would make it.</summary>
    private sealed class OutboxFailingOnce(IOutbox inner) : IOutbox
    {
        private int _calls;

        public Task EnqueueAsync(OutboxKind kind, OutboxPayload payload, string? dedupeKey, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new InvalidOperationException("database is locked")
                : inner.EnqueueAsync(kind, payload, dedupeKey, cancellationToken);

        public Task<IReadOnlyList<OutboxItem>> LeaseDueAsync(string owner, int batchSize, CancellationToken cancellationToken) => inner.LeaseDueAsync(owner, batchSize, cancellationToken);

        public Task<int> ReleaseLeasesOfGoneOwnersAsync(Func<string, bool> isGone, CancellationToken cancellationToken) => inner.ReleaseLeasesOfGoneOwnersAsync(isGone, cancellationToken);

        public Task CompleteAsync(long id, CancellationToken cancellationToken) => inner.CompleteAsync(id, cancellationToken);

        public Task<bool> MarkSendingAsync(long id, string owner, CancellationToken cancellationToken) => inner.MarkSendingAsync(id, owner, cancellationToken);

        public Task RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string reason, bool maybeSent, CancellationToken cancellationToken) =>
            inner.RetryLaterAsync(id, owner, nextAttemptAt, reason, maybeSent, cancellationToken);

        public Task DeadLetterAsync(long id, string owner, string reason, CancellationToken cancellationToken) => inner.DeadLetterAsync(id, owner, reason, cancellationToken);

        public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken) => inner.ListDeadLettersAsync(cancellationToken);

        public Task<int> CountPendingAsync(CancellationToken cancellationToken) => inner.CountPendingAsync(cancellationToken);
    }

    [Fact]
    public async Task Status_before_any_case_says_so_plainly()
    {
        await using var chat = await JourneyChat.StartAsync();
        await chat.SayAsync("hi");

        var turn = await chat.SayAsync("status");

        Assert.True(turn.Says(MessageKeys.CommandsStatusNone), turn.AllText);
    }

    internal static ICaseStore Cases(JourneyChat chat) => chat.Factory.Services.GetRequiredService<ICaseStore>();

    internal static Task<CaseRecord?> LatestCaseAsync(JourneyChat chat) =>
        Cases(chat).FindLatestForOwnerAsync($"{chat.ChannelId}:{chat.UserId}", CancellationToken.None);

    [GeneratedRegex(@"SO-[0-9A-Z]{4,}")]
    private static partial Regex ReferencePattern();
}
