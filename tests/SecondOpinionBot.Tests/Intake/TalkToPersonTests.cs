using SecondOpinionBot.Handoff;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>"Talk to a person" is the shortest way to a human: how to reach you, the summary, sent.</summary>
public sealed class TalkToPersonTests
{
    [Fact]
    public async Task Mid_journey_it_skips_the_remaining_questions_asks_how_to_reach_you_and_sends_the_case()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "wants-a-person");
        var diagnosis = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);
        Assert.True(diagnosis.Says(MessageKeys.SituationDiagnosis), diagnosis.AllText);

        var handed = await chat.SayAsync("talk to a person");

        Assert.True(handed.Says(MessageKeys.CommandsTalkToPerson), handed.AllText);
        Assert.True(handed.Says(MessageKeys.ContactMethodAsk), handed.AllText);
        Assert.False(handed.Says(MessageKeys.WelcomeReturning), handed.AllText);
        var sent = await chat.PlayAsync(handed, [
            Pick(MessageKeys.ContactMethodAsk, "This web chat"),
            Type(MessageKeys.ContactTimesAsk, "skip"),
            .. ShortJourney.Send,
        ]);
        var record = await chat.LatestCaseAsync();
        Assert.NotNull(record);
        Assert.True(sent.Says(MessageKeys.HandoffSent, ("reference", record.Reference)), sent.AllText);
        Assert.Equal(CaseStatus.New, record.Status);
        Assert.Equal(["webchat"], record.Details.ContactMethods);
        Assert.Empty(record.Details.Reasons);
    }

    [Fact]
    public async Task With_a_case_already_sent_it_gives_the_case_status_instead()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "has-a-case");
        var handed = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);
        handed = await chat.SayAsync("talk to a person");
        await chat.PlayAsync(handed, [Pick(MessageKeys.ContactMethodAsk, "This web chat"), Type(MessageKeys.ContactTimesAsk, "skip"), .. ShortJourney.Send]);

        var again = await chat.SayAsync("talk to a person");

        Assert.True(again.Says(MessageKeys.HandoffTalkToPersonOpenCase, ("reference", (await chat.LatestCaseAsync())!.Reference)), again.AllText);
        Assert.False(again.Says(MessageKeys.ContactMethodAsk), again.AllText);
    }

    [Fact]
    public async Task Without_consent_it_explains_what_is_needed_and_keeps_nothing()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "no-consent-person");
        await chat.PlayAsync(await chat.OpenAsync(), [Pick(MessageKeys.WelcomeConsentAsk, "No, don't save them")]);

        var asked = await chat.SayAsync("talk to a person");

        Assert.True(asked.Says(MessageKeys.CommandsTalkToPersonNeedsConsent), asked.AllText);
        Assert.Null(await chat.LatestCaseAsync());
    }
}
