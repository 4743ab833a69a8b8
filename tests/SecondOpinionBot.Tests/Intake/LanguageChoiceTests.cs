using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Choosing the patient's language through the real host: from the channel's locale, the welcome's own-language
/// button, or the language's name typed at any moment; the choice is kept with the draft for later turns.
/// </summary>
public sealed class LanguageChoiceTests : IDisposable
{
    private readonly SpanishContent _spanish = new();

    public void Dispose() => _spanish.Dispose();

    private static ContentCatalog Spanish(JourneyChat chat) => chat.Factory.Services.GetRequiredService<ContentCatalogs>().For("es");

    [Theory]
    [InlineData("webchat")]
    [InlineData("msteams")]
    public async Task A_Spanish_locale_from_the_channel_starts_in_Spanish_with_a_button_for_English(string channel)
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(channelId: channel, factory: factory);
        chat.Locale = "es-MX";
        chat.Language = "es";
        if (channel == "msteams")
        {
            chat.ConversationType = "personal";
        }

        var welcome = await chat.OpenAsync();

        Assert.True(welcome.Says(MessageKeys.WelcomeConsentAsk), welcome.AllText);
        Assert.False(Wording.Messages.Says(welcome.AllText, MessageKeys.WelcomeConsentAsk), welcome.AllText);
        Assert.Contains(chat.Factory.Services.GetRequiredService<ContentCatalogs>().Default.Language.Name, welcome.Readable);
        var consent = await chat.ChooseAsync(welcome, Spanish(chat).Choices(ChoiceSetIds.Consent)["yes"].Label);
        Assert.True(consent.Says(MessageKeys.RoleAsk), consent.AllText);
    }

    [Fact]
    public async Task The_welcome_offers_Spanish_in_Spanish_and_tapping_it_asks_the_same_question_in_Spanish()
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        chat.Locale = "en-US";
        var welcome = await chat.OpenAsync();
        var label = Spanish(chat).Language.Name;
        Assert.True(welcome.Says(MessageKeys.WelcomeConsentAsk), welcome.AllText);
        Assert.Contains(label, welcome.Readable);

        chat.Language = "es";
        var switched = await chat.ChooseAsync(welcome, label);

        Assert.True(switched.Says(MessageKeys.LanguageSwitched), switched.AllText);
        Assert.True(switched.Says(MessageKeys.WelcomeConsentAsk), switched.AllText);
        Assert.Contains(chat.HostContent.Choices(ChoiceSetIds.Consent)["yes"].Label, switched.Readable);
        Assert.Contains(factory.Services.GetRequiredService<ContentCatalogs>().Default.Language.Name, switched.Readable);
        Assert.Equal("es", (await chat.StoredDraftAsync())!.Language);
    }

    [Theory]
    [InlineData("español")]
    [InlineData("espanol")]
    [InlineData("ESPAÑOL")]
    [InlineData("en español por favor")]
    public async Task Typing_the_language_mid_journey_keeps_the_answers_and_asks_the_current_question_again_in_it(string typed)
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var diagnosis = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);
        Assert.True(diagnosis.Says(MessageKeys.SituationDiagnosis), diagnosis.AllText);

        chat.Language = "es";
        var switched = await chat.SayAsync(typed);

        Assert.True(switched.Says(MessageKeys.LanguageSwitched), switched.AllText);
        Assert.True(switched.Says(MessageKeys.SituationDiagnosis), switched.AllText);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Equal("es", draft.Language);
        Assert.Equal(ChatRole.Patient, draft.Role);
        Assert.True(draft.ConsentToStore);
        Assert.Null(draft.Concern); // the language's name was not taken as the answer

        var next = await chat.SayAsync("Me duele la rodilla");
        Assert.True(next.Says(MessageKeys.SituationProposed), next.AllText);
        Assert.Equal("Me duele la rodilla", (await chat.StoredDraftAsync())!.Concern);
    }

    [Fact]
    public async Task Switching_back_to_English_asks_again_in_English()
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        chat.Locale = "es-MX";
        chat.Language = "es";
        var welcome = await chat.OpenAsync();
        Assert.True(welcome.Says(MessageKeys.WelcomeConsentAsk), welcome.AllText);

        chat.Language = null;
        var english = await chat.SayAsync("inglés");

        Assert.True(english.Says(MessageKeys.LanguageSwitched), english.AllText);
        Assert.True(english.Says(MessageKeys.WelcomeConsentAsk), english.AllText);
        Assert.Equal("en", (await chat.StoredDraftAsync())!.Language);
        var role = await chat.PlayAsync(english, [.. ShortJourney.Consent]);
        Assert.True(role.Says(MessageKeys.RoleAsk), role.AllText);
    }

    [Fact]
    public async Task Switching_to_Spanish_at_the_records_card_shows_the_card_again_in_Spanish_and_its_answers_still_count()
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        chat.Locale = "en-US";
        var card = await chat.PlayAsync(await chat.OpenAsync(),
            [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary[..5]]);
        Assert.NotEmpty(card.RecordTitles());
        var es = Spanish(chat);

        chat.Language = "es";
        var spanish = await chat.SayAsync("español");

        Assert.True(spanish.Says(MessageKeys.LanguageSwitched), spanish.AllText);
        Assert.True(spanish.Says(MessageKeys.RecordsCardAsk), spanish.AllText);
        var records = spanish.RecordsCard()!.ToString();
        Assert.Contains(es.Messages.Get(MessageKeys.RecordsCardHave), records, StringComparison.Ordinal);
        Assert.DoesNotContain(Wording.Messages.Get(MessageKeys.RecordsCardHave), records, StringComparison.Ordinal);
        var spanishTitles = spanish.RecordTitles();
        Assert.Equal(card.RecordTitles().Count, spanishTitles.Count);
        Assert.NotEqual(card.RecordTitles(), spanishTitles);

        var needs = await chat.MarkRecordsAsync(spanish, [(spanishTitles[0], es.Messages.Get(MessageKeys.RecordsCardNeedHelp))], es.Messages.Get(MessageKeys.RecordsCardNotApplicable));

        Assert.True(needs.Says(MessageKeys.NeedsAsk), needs.AllText);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Contains(RecordStatus.NeedHelp, draft.Records.Values);
    }

    [Fact]
    public async Task Switching_to_Spanish_at_the_doctor_card_shows_its_fields_in_Spanish()
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        chat.Locale = "en-US";
        var doctor = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation()[..4]]);
        Assert.True(doctor.Says(MessageKeys.SituationClinic), doctor.AllText);
        var es = Spanish(chat);

        chat.Language = "es";
        var spanish = await chat.SayAsync("espanol");

        Assert.True(spanish.Says(MessageKeys.SituationClinic), spanish.AllText);
        var card = Assert.Single(spanish.Cards).ToString();
        Assert.Contains(es.Messages.Get(MessageKeys.SituationDoctorName), card, StringComparison.Ordinal);
        Assert.DoesNotContain(Wording.Messages.Get(MessageKeys.SituationDoctorName), card, StringComparison.Ordinal);
        var next = await chat.SayAsync("Clínica del Norte");
        Assert.True(next.Says(MessageKeys.SituationSymptomsAsk), next.AllText);
        Assert.Equal("Clínica del Norte", (await chat.StoredDraftAsync())!.CurrentClinic);
    }

    [Fact]
    public async Task Switching_to_Spanish_at_a_reason_asks_that_reasons_own_question_in_Spanish()
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        chat.Locale = "en-US";
        var reason = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation()]);
        var english = Wording.Repository.Default.Reasons.Single(r => r.Id == "diagnostic-clarity").SoundsLikeYou[0];
        Assert.Contains(reason.Readable, t => t.Contains(english, StringComparison.Ordinal));
        var spanishQuestion = Spanish(chat).Reasons.Single(r => r.Id == "diagnostic-clarity").SoundsLikeYou[0];

        chat.Language = "es";
        var spanish = await chat.SayAsync("español");

        Assert.Contains(spanish.Readable, t => t.Contains(spanishQuestion, StringComparison.Ordinal));
        Assert.DoesNotContain(spanish.Readable, t => t.Contains(english, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_English_yes_in_a_Spanish_conversation_is_understood()
    {
        await using var factory = new BotAppFactory(_spanish.Settings());
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        chat.Locale = "es-MX";
        chat.Language = "es";
        var welcome = await chat.OpenAsync();
        Assert.True(welcome.Says(MessageKeys.WelcomeConsentAsk), welcome.AllText);

        var consented = await chat.SayAsync("yes");

        Assert.True(consented.Says(MessageKeys.WelcomeConsentYes), consented.AllText);
        Assert.True(consented.Says(MessageKeys.RoleAsk), consented.AllText);
        Assert.True((await chat.StoredDraftAsync())!.ConsentToStore);
    }

    [Fact]
    public async Task The_chosen_language_is_kept_over_a_restart_of_the_host_on_the_same_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "so-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = _spanish.Settings(Path.Combine(folder, "bot.db"));
        string conversationId;
        var firstHost = new BotAppFactory(settings);
        await using (var chat = await JourneyChat.StartAsync(userId: "kept-language", factory: firstHost))
        {
            var diagnosis = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);
            Assert.True(diagnosis.Says(MessageKeys.SituationDiagnosis), diagnosis.AllText);
            await chat.SayAsync("español");
            conversationId = chat.ConversationId;
        }

        await firstHost.DisposeAsync();
        await using var secondHost = new BotAppFactory(settings);
        // A new conversation too (another device, the locale English): the kept choice still wins.
        await using var again = await JourneyChat.StartAsync(userId: "kept-language", factory: secondHost, conversationId: conversationId);
        again.Locale = "en-US";
        again.Language = "es";

        // An English command in the Spanish chat still works, and the question comes back in Spanish.
        var help = await again.SayAsync("help");
        var next = await again.SayAsync("Me duele la rodilla");

        Assert.True(help.Says(MessageKeys.CommandsHelp), help.AllText);
        Assert.True(help.Says(MessageKeys.SituationDiagnosis), help.AllText);
        Assert.True(next.Says(MessageKeys.SituationProposed), next.AllText);
        Assert.Equal("es", (await again.StoredDraftAsync())!.Language);
        Assert.Equal("Me duele la rodilla", (await again.StoredDraftAsync())!.Concern);
    }
}
