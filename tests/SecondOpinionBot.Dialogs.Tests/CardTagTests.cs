using System.Text.Json.Nodes;
using SecondOpinionBot.Dialogs.Cards;

namespace SecondOpinionBot.Dialogs.Tests;

/// <summary>One tag and one staleness rule for every card: prompts, the summary and staff cards.</summary>
public sealed class CardTagTests
{
    [Fact]
    public void A_tag_goes_out_as_kind_and_version_and_reads_back()
    {
        var data = new CardTag("case", 4).ToData();

        Assert.Equal("""{"so.kind":"case","so.version":4}""", data.ToJsonString());
        Assert.Equal(new CardTag("case", 4), CardTag.Read(data));
        Assert.False(new CardTag("case", 4).IsOutdated(4));
        Assert.True(new CardTag("case", 4).IsOutdated(5));
    }

    [Theory]
    [InlineData("""{"so.kind":"prompt","dialog":"role","step":7}""", "prompt", 7)]
    [InlineData("""{"so.kind":"summary.confirm","draftVersion":3}""", "summary.confirm", 3)]
    [InlineData("""{"so.kind":"case","verb":"case.claim","reference":"SO-7K3F","cardVersion":2}""", "case", 2)]
    public void Cards_sent_before_the_shared_tag_still_read(string json, string kind, int version) =>
        Assert.Equal(new CardTag(kind, version), CardTag.Read(JsonNode.Parse(json) as JsonObject));

    [Theory]
    [InlineData("""{"so.kind":"case"}""")]
    [InlineData("""{"so.kind":"case","so.version":"four"}""")]
    public void A_tag_without_a_readable_version_is_outdated_for_every_subject(string json)
    {
        var tag = CardTag.Read(JsonNode.Parse(json) as JsonObject);

        Assert.Equal(-1, tag!.Value.Version);
        Assert.True(tag.Value.IsOutdated(0));
    }

    [Theory]
    [InlineData("""{"verb":"case.claim","so.version":1}""")]
    [InlineData("""{"so.kind":3,"so.version":1}""")]
    public void Without_a_kind_it_is_no_card_submit_at_all(string json) =>
        Assert.Null(CardTag.Read(JsonNode.Parse(json) as JsonObject));

    [Fact]
    public void Values_from_the_SDK_as_Newtonsoft_objects_read_the_same()
    {
        var value = Newtonsoft.Json.Linq.JObject.Parse("""{"so.kind":"case","so.version":9,"note":"é · ok"}""");

        var data = CardTag.DataOf(value);

        Assert.Equal(new CardTag("case", 9), CardTag.Read(data));
        Assert.Equal("é · ok", (string?)data!["note"]);
    }
}
