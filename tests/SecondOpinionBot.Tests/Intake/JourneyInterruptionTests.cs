using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>What the user can say in the middle of the journey, and how the journey carries on afterwards.</summary>
public sealed class JourneyInterruptionTests
{
    private static readonly ScriptLine[] ToDiagnosis = [.. ShortJourney.Consent, .. ShortJourney.AsPatient];

    [Fact]
    public async Task Help_answers_and_asks_the_same_question_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "helped");
        await chat.PlayAsync(await chat.OpenAsync(), ToDiagnosis);

        var help = await chat.SayAsync("help");

        Assert.True(help.Says(MessageKeys.CommandsHelp), help.AllText);
        Assert.True(help.Says(MessageKeys.SituationDiagnosis), help.AllText);
        Assert.Null((await chat.StoredDraftAsync())!.Concern);
    }

    [Fact]
    public async Task Start_over_asks_first_no_keeps_going_and_yes_clears_the_answers_and_begins_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "restarting");
        var clinic = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ToDiagnosis,
            Type(MessageKeys.SituationDiagnosis, "Headaches"),
            Pick(MessageKeys.SituationProposed, "A test or scan"),
            Type(MessageKeys.SituationProposedDetail, "An MRI"),
            Type(MessageKeys.SituationDateAsk, "skip"),
        ]);
        Assert.True(clinic.Says(MessageKeys.SituationClinic), clinic.AllText);

        var asked = await chat.SayAsync("start over");
        Assert.True(asked.Says(MessageKeys.CommandsCancelAsk), asked.AllText);
        var kept = await chat.SayAsync("no");
        Assert.True(kept.Says(MessageKeys.CommandsCancelKept), kept.AllText);
        Assert.True(kept.Says(MessageKeys.SituationClinic), kept.AllText);
        Assert.Equal("Headaches", (await chat.StoredDraftAsync())!.Concern);

        await chat.SayAsync("start over");
        var cleared = await chat.SayAsync("yes");
        Assert.True(cleared.Says(MessageKeys.WelcomeStartedOver), cleared.AllText);
        Assert.True(cleared.Says(MessageKeys.RoleAsk), cleared.AllText);
        var draft = await chat.StoredDraftAsync();
        Assert.NotNull(draft);
        Assert.True(draft.ConsentToStore);
        Assert.Null(draft.Concern);
        Assert.Null(draft.Proposed);
        Assert.Null(draft.Role);
        Assert.Empty(draft.CompletedSections);
    }

    [Fact]
    public async Task Stop_asks_first_then_clears_the_answers_and_waits_until_the_user_says_hi()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "stopping");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ToDiagnosis, Type(MessageKeys.SituationDiagnosis, "Headaches")]);

        await chat.SayAsync("stop");
        var stopped = await chat.SayAsync("yes");

        Assert.True(stopped.Says(MessageKeys.CommandsCancelled), stopped.AllText);
        Assert.False(stopped.Says(MessageKeys.RoleAsk), "Stop means stop: the journey waits for the user.");
        Assert.Null((await chat.StoredDraftAsync())!.Concern);

        var hi = await chat.SayAsync("hi");
        Assert.True(hi.Says(MessageKeys.RoleAsk), hi.AllText);
    }

    [Fact]
    public async Task Status_before_and_after_the_case_is_sent()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "status-asker");
        await chat.PlayAsync(await chat.OpenAsync(), ToDiagnosis);

        var before = await chat.SayAsync("status");
        Assert.True(before.Says(MessageKeys.CommandsStatusNone), before.AllText);
        Assert.True(before.Says(MessageKeys.SituationDiagnosis), before.AllText);

        var sentTurn = await chat.PlayAsync(before, [.. ShortJourney.Situation(), .. ShortJourney.RestToSummary, .. ShortJourney.Send]);
        var reference = (await chat.LatestCaseAsync())!.Reference;
        Assert.True(sentTurn.Says(reference), sentTurn.AllText);

        var after = await chat.SayAsync("status");
        Assert.True(after.Says(MessageKeys.CommandsStatus, ("reference", reference), ("status", after.Messages.Get(MessageKeys.StatusWaiting))), after.AllText);
        Assert.False(after.Says(MessageKeys.CommandsStatusNone), after.AllText);
    }

    [Fact]
    public async Task What_do_you_know_about_me_names_the_saved_answers_and_asks_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "curious");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ToDiagnosis, Type(MessageKeys.SituationDiagnosis, "Headaches")]);

        var known = await chat.SayAsync("what do you know about me");

        Assert.True(known.Says(MessageKeys.StoredDataIntro), known.AllText);
        Assert.True(known.Says(MessageKeys.StoredDataFieldsRole), known.AllText);
        Assert.True(known.Says(MessageKeys.StoredDataFieldsConcern), known.AllText);
        Assert.False(known.Says("Headaches"), "Field names only, not the answers themselves.");
        Assert.True(known.Says(MessageKeys.SituationProposed), known.AllText);
    }

    [Fact]
    public async Task A_returning_user_in_a_new_conversation_picks_up_at_the_first_unanswered_section()
    {
        await using var first = await JourneyChat.StartAsync(userId: "returning");
        await first.PlayAsync(await first.OpenAsync(), [.. ToDiagnosis, .. ShortJourney.Situation()]);

        await using var second = await JourneyChat.StartAsync(userId: "returning", factory: first.Factory);
        var welcome = await second.OpenAsync();
        Assert.True(welcome.Says(MessageKeys.WelcomeReturning), welcome.AllText);
        Assert.Contains(Wording.Choice(ChoiceSetIds.Resume, "continue"), welcome.SuggestedActions);

        var resumed = await second.ChooseAsync(welcome, "Pick up where I left off");
        Assert.True(resumed.Says(MessageKeys.WelcomeResumed), resumed.AllText);
        Assert.True(resumed.Says(MessageKeys.ReasonsIntro), resumed.AllText);
        Assert.False(resumed.Says(MessageKeys.RoleAsk), resumed.AllText);
        Assert.Equal("My back hurts", (await second.StoredDraftAsync())!.Concern);
    }

    [Fact]
    public async Task After_a_host_restart_the_same_conversation_carries_on_from_the_same_question()
    {
        var folder = Path.Combine(Path.GetTempPath(), "so-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(folder, "bot.db") };
        string conversationId;
        var firstHost = new BotAppFactory(settings);
        await using (var chat = await JourneyChat.StartAsync(userId: "restarted", factory: firstHost))
        {
            var clinic = await chat.PlayAsync(await chat.OpenAsync(), [
                .. ToDiagnosis,
                Type(MessageKeys.SituationDiagnosis, "Headaches"),
                Pick(MessageKeys.SituationProposed, "A test or scan"),
                Type(MessageKeys.SituationProposedDetail, "skip"),
                Type(MessageKeys.SituationDateAsk, "skip"),
            ]);
            Assert.True(clinic.Says(MessageKeys.SituationClinic), clinic.AllText);
            conversationId = chat.ConversationId;
        }

        await firstHost.DisposeAsync();
        await using var secondHost = new BotAppFactory(settings);
        await using var again = await JourneyChat.StartAsync(userId: "restarted", factory: secondHost, conversationId: conversationId);

        var next = await again.SayAsync("City Clinic");

        Assert.True(next.Says(MessageKeys.SituationSymptomsAsk), next.AllText);
        Assert.Equal("City Clinic", (await again.StoredDraftAsync())!.CurrentClinic);
        Assert.Equal("Headaches", (await again.StoredDraftAsync())!.Concern);
        await secondHost.DisposeAsync();
        TryDelete(folder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task Free_text_over_500_letters_is_cut_with_a_polite_note()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "long-writer");
        await chat.PlayAsync(await chat.OpenAsync(), ToDiagnosis);

        var story = string.Concat(Enumerable.Repeat("My back has hurt for a long time. ", 30));
        var next = await chat.SayAsync(story);

        Assert.True(next.Says(MessageKeys.TextTooLong, ("maxLength", "500")), next.AllText);
        Assert.True(next.Says(MessageKeys.SituationProposed), next.AllText);
        var concern = (await chat.StoredDraftAsync())!.Concern!;
        Assert.True(concern.Length <= 500, $"{concern.Length} letters kept");
        Assert.StartsWith("My back has hurt for a long time.", concern, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_and_links_in_what_the_user_types_are_kept_as_plain_text()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "markdown-writer");
        const string Question = "Is it **serious**? See [this](http://evil.example)";
        var list = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ToDiagnosis,
            .. ShortJourney.Situation("**Bad** headaches <b>every day</b>"),
            Pick(Expected.ReasonQuestion("diagnostic-clarity"), "No"),
            Pick(Expected.ReasonQuestion("treatment-confidence"), "No"),
            Pick(Expected.ReasonQuestion("risk-reduction"), "No"),
            Pick(Expected.ReasonQuestion("long-term-value"), "No"),
            Type(MessageKeys.QuestionsOwnAsk, Question),
        ]);

        // Stored exactly as typed…
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Equal("**Bad** headaches <b>every day</b>", draft.Concern);
        Assert.Equal([Question], draft.Questions);

        // …and shown back escaped, so nothing turns into bold text or a link.
        Assert.True(list.Says(MessageKeys.QuestionsReview), list.AllText);
        var shown = Assert.Single(list.Texts, t => t.Contains("serious", StringComparison.Ordinal));
        Assert.DoesNotContain("[this](", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("**serious**", shown, StringComparison.Ordinal);
        Assert.Contains(@"\*\*serious\*\*", shown, StringComparison.Ordinal);
    }
}
