namespace SecondOpinionBot.Tests.Intake;

/// <summary>Asking what a medical word means, in the middle of a question, gets a plain answer and the question again.</summary>
public sealed class GlossaryQuestionTests
{
    [Fact]
    public async Task What_does_a_word_mean_is_explained_and_the_same_question_is_asked_again()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "asks-a-word");
        var diagnosis = await chat.PlayAsync(await chat.OpenAsync(), [.. ShortJourney.Consent, .. ShortJourney.AsPatient]);
        Assert.True(diagnosis.Says(MessageKeys.SituationDiagnosis), diagnosis.AllText);

        var explained = await chat.SayAsync("What does pathology mean?");

        Assert.True(explained.Explains("pathology"), explained.AllText);
        Assert.True(explained.Says(MessageKeys.SituationDiagnosis), explained.AllText);
        Assert.Null((await chat.StoredDraftAsync())!.Concern);
    }
}
