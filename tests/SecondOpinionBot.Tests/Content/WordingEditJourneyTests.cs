using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// A care team rewords the questions and the "case sent" message; the journey tests, which assert by message key
/// through the content the host loaded, still pass — a wording edit does not turn CI red.
/// </summary>
public sealed class WordingEditJourneyTests : IDisposable
{
    private readonly ContentCopy _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task A_short_journey_asserted_by_key_passes_on_reworded_content()
    {
        _content.Replace(ContentFiles.Messages, "consentAsk: Is it OK for me to save your answers?",
            "consentAsk: May I keep your answers, so you can pick up later?");
        _content.Replace(ContentFiles.Messages, "ask: Are you the patient, or are you helping someone else?",
            "ask: Is this about your own health, or someone you look after?");
        _content.Replace(ContentFiles.Messages, "diagnosis: What health problem or worry is this about? Use your own words.",
            "diagnosis: In a few words, what is worrying you about your health?");
        _content.Replace(ContentFiles.Messages, "methodAsk: How should our team get in touch with you?",
            "methodAsk: What is the best way for us to reach you?");
        _content.Replace(ContentFiles.Messages,
            "Done. Your plan is with our team. Your reference is {reference}. Next, {queueName} will contact you {when}.",
            "All set — we have your plan (reference {reference}). {queueName} will be in touch {when}.");
        await using var factory = new BotAppFactory(new() { ["Content:Directory"] = _content.Root });
        await using var chat = await JourneyChat.StartAsync(userId: "reworded", factory: factory);
        var turns = new List<BotTurn>();

        var sent = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary, .. ShortJourney.Send,
        ], turns.Add);

        var record = await chat.LatestCaseAsync();
        Assert.NotNull(record);
        Assert.True(sent.Says(MessageKeys.HandoffSent, ("reference", record.Reference)), sent.AllText);
        // The host really spoke the new words, and the repository's wording would not have matched them.
        Assert.Contains(sent.Texts, t => t.StartsWith("All set — we have your plan (reference " + record.Reference + ")", StringComparison.Ordinal));
        Assert.False(Wording.Messages.Says(sent.AllText, MessageKeys.HandoffSent), sent.AllText);
        var everything = string.Join("\n", turns.Select(t => t.AllText));
        Assert.DoesNotContain(Wording.Messages.Get(MessageKeys.RoleAsk), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Wording.Messages.Get(MessageKeys.ContactMethodAsk), everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answering_script_recognises_reworded_questions_by_key()
    {
        _content.Replace(ContentFiles.Messages, "    clinic: Which clinic or doctor cares for you now?\n",
            "    clinic: Who looks after you at the moment — a clinic, or a doctor?\n");
        _content.Replace(ContentFiles.Messages, "phoneAsk: What phone number should we call?", "phoneAsk: On which number can we call you?");
        await using var factory = new BotAppFactory(new() { ["Content:Directory"] = _content.Root });
        await using var chat = await JourneyChat.StartAsync(userId: "reworded-script", factory: factory);

        var summary = await chat.CompleteJourneyAsync();

        Assert.NotNull(AnsweringScript.SummaryCard(summary));
        var draft = await chat.StoredDraftAsync();
        Assert.Equal("Riverside Clinic", draft!.CurrentClinic);
        Assert.Equal(Sentinels.Phone, draft.Phone);
    }
}
