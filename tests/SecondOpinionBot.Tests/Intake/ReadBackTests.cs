using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Content;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>Where meaning can flip, the bot asks the right way round and reads it back; what was said is not asked again.</summary>
public sealed class ReadBackTests
{
    private static MessageCatalog Messages => ContentFixture.English.Messages;

    [Fact]
    public async Task The_relationship_is_asked_as_maria_is_my_and_read_back()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "rb-relationship");
        var asked = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, Pick(MessageKeys.RoleAsk, "I'm helping someone"), Type(MessageKeys.RolePatientName, "Maria")]);
        Assert.True(asked.Says(MessageKeys.RoleRelationship, ("patientName", "Maria")), asked.AllText);

        var readBack = await chat.SayAsync("my mom");

        Assert.True(readBack.Says(MessageKeys.RoleRelationshipReadBack, ("patientName", "Maria")), readBack.AllText);
        Assert.Equal("parent", (await chat.StoredDraftAsync())!.Relationship);
    }

    [Fact]
    public async Task Its_for_my_dad_is_not_asked_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "rb-for-my-dad");
        await chat.PlayAsync(await chat.OpenAsync(), ShortJourney.Consent);
        await chat.SayAsync("it's for my dad");

        var next = await chat.SayAsync("Arthur");

        Assert.False(next.Says(MessageKeys.RoleRelationship, ("patientName", "Arthur")), next.AllText);
        Assert.True(next.Says(MessageKeys.RoleRelationshipReadBack, ("patientName", "Arthur")), next.AllText);
        Assert.True(next.Says(MessageKeys.RolePatientAgrees, ("patientName", "Arthur")), next.AllText);
    }

    [Theory]
    [InlineData("any time")]
    [InlineData("anytime")]
    [InlineData("whenever")]
    public async Task The_time_question_takes_what_its_own_hint_suggests(string answer)
    {
        await using var chat = await JourneyChat.StartAsync(userId: "rb-any-time-" + answer.Length);
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary[..^1]]);

        var summary = await chat.SayAsync(answer);

        Assert.True(summary.Says(MessageKeys.SummaryConfirmAskCard), summary.AllText);
        Assert.Equal(answer, (await chat.StoredDraftAsync())!.ContactTimes);
    }

    [Fact]
    public async Task Yes_is_never_stored_as_a_time()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "rb-yes-time");
        await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient, .. ShortJourney.Situation(), .. ShortJourney.RestToSummary[..^1]]);

        await chat.SayAsync("yes");
        var summary = await chat.SayAsync("yes");

        Assert.True(summary.Says(MessageKeys.SummaryConfirmAskCard), summary.AllText);
        Assert.Null((await chat.StoredDraftAsync())!.ContactTimes);
    }
}
