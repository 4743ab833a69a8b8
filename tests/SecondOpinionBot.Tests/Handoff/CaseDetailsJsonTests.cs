using System.Text.Json;
using System.Text.Json.Nodes;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Staff;

namespace SecondOpinionBot.Tests.Handoff;

/// <summary>The case keeps its own snapshot of the answers; rows written before it existed (the whole draft) still read.</summary>
public sealed class CaseDetailsJsonTests
{
    [Fact]
    public void A_row_written_as_the_journeys_draft_reads_with_every_answer()
    {
        var draft = Personas.Maya();
        draft.Role = ChatRole.Caregiver;
        draft.Relationship = "parent";
        draft.NotKnown.Add(CaseDetailsFields.Phone);
        draft.LastStep = "summary";
        draft.Revision = 12;
        var formatOne = JsonSerializer.Serialize(draft, CaseDetailsJson.Options);

        var read = CaseDetailsJson.Read(formatOne);

        Assert.Equal(1, read.Format);
        Assert.Equal(Normalised(draft.ToCaseDetails()), Normalised(read));
    }

    [Fact]
    public void A_new_row_holds_the_answers_and_its_format_but_not_the_journeys_position()
    {
        var draft = Personas.Maya();
        draft.LastStep = "summary";
        draft.CompletedSections.Add("about-you");
        draft.Revision = 12;

        var stored = JsonNode.Parse(CaseDetailsJson.Write(draft.ToCaseDetails()))!.AsObject();

        Assert.Equal(CaseDetails.CurrentFormat, (int)stored["format"]!);
        Assert.Equal(draft.Concern, (string?)stored["concern"]);
        Assert.DoesNotContain(stored, property => property.Key is "lastStep" or "completedSections" or "revision" or "consentToStore" or "caseReference");
        Assert.Equal(Normalised(draft.ToCaseDetails()), Normalised(CaseDetailsJson.Read(stored.ToJsonString())));
    }

    [Fact]
    public void An_erased_row_reads_as_no_answers()
    {
        var erased = CaseDetailsJson.Read("{}");

        Assert.Empty(CaseDetailsFields.Filled(erased));
        Assert.Empty(CaseDetailsFields.Filled(CaseDetailsJson.Read(null)));
    }

    // Records compare by reference for lists; the JSON of both sides is the same when every answer is.
    private static string Normalised(CaseDetails details) => JsonSerializer.Serialize(details with { Format = 0 }, CaseDetailsJson.Options);
}
