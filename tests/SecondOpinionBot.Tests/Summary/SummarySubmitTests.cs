using Newtonsoft.Json.Linq;
using SecondOpinionBot.Summary;

namespace SecondOpinionBot.Tests.Summary;

public sealed class SummarySubmitTests
{
    [Fact]
    public void A_click_on_an_outdated_summary_is_recognised_as_outdated()
    {
        var value = JObject.Parse("""{"so.kind":"dialog","dialogId":"edit-questions","draftVersion":2}""");

        Assert.True(SummarySubmit.TryParse((object)value, out var submit));

        Assert.Equal(SummarySubmitKind.Edit, submit.Kind);
        Assert.Equal(SummarySection.Questions, submit.Section);
        Assert.True(submit.IsOutdated(currentDraftVersion: 3));
        Assert.False(submit.IsOutdated(currentDraftVersion: 2));
    }

    [Fact]
    public void A_confirm_from_the_current_card_is_current()
    {
        var value = JObject.Parse("""{"so.kind":"summary.confirm","draftVersion":5,"msteams":{"x":1}}""");

        Assert.True(SummarySubmit.TryParse(value, out var submit));

        Assert.Equal(new SummarySubmit(SummarySubmitKind.Confirm, null, 5), submit);
        Assert.False(submit.IsOutdated(5));
    }

    [Theory]
    [InlineData("""{"so.kind":"dialog","dialogId":"edit-unknown","draftVersion":1}""")]
    [InlineData("""{"so.kind":"dialog","draftVersion":1}""")]
    [InlineData("""{"so.kind":"summary.confirm"}""")]
    [InlineData("""{"so.kind":"summary.confirm","so.version":"one"}""")]
    [InlineData("""{"so.kind":"summary.confirm","draftVersion":-1}""")]
    [InlineData("""{"so.kind":"handoff.claim","draftVersion":1}""")]
    [InlineData("""{"action":"summary.confirm","draftVersion":1}""")]
    [InlineData("""[1]""")]
    public void Payloads_that_are_not_summary_clicks_are_not_taken_for_one(string json)
    {
        Assert.False(SummarySubmit.TryParse((object?)(JToken.Parse(json) as JObject), out _));
    }
}
