using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Summary;

namespace SecondOpinionBot.Tests.Content;

public sealed class ContentWordingsTests
{
    private static ContentCatalog Content => ContentFixture.English;

    private static IntakeDraft Draft() => new()
    {
        ConsentToStore = true,
        Role = ChatRole.Caregiver,
        PatientFirstName = "Rosa",
        Concern = "lump in the breast",
        Reasons = ["diagnostic-clarity", "risk-reduction"],
        Questions = ["What else could it be?"],
        Records = new Dictionary<string, RecordStatus> { ["pathology-slides"] = RecordStatus.NeedHelp, ["coverage-card"] = RecordStatus.Have },
        Needs = ["transport"],
    };

    [Fact]
    public void SummaryCard_ShowsContentTitlesForIdsAndEveryHeading()
    {
        var text = Content.SummaryCardText();

        Assert.Equal(Enum.GetValues<SummarySection>().Length, text.Headings.Count);
        Assert.Equal(Content.Messages.Get(MessageKeys.SummaryHeadingsRecords), text.HeadingOf(SummarySection.Records));
        var rendered = CaseSummaryText.Render(Draft().ToCaseDetails(), text, Content.ChoiceCatalog());
        Assert.Contains("Being sure of the diagnosis", rendered, StringComparison.Ordinal);
        Assert.Contains("Getting there", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("diagnostic-clarity", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("pathology-slides", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void PrepSheet_FooterNamesTheConfiguredEmergencyNumber()
    {
        var wording = Content.PrepSheetWording("112");

        Assert.Contains("112", wording.Footer, StringComparison.Ordinal);
        var sheet = PrepSheetText.Render(Draft().ToCaseDetails(), "SO-7K3F", DateTimeOffset.UnixEpoch, wording, Content.ChoiceCatalog());
        Assert.Contains("the pathology lab that holds them", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredData_NamesEveryDraftFieldInPlainWords()
    {
        var wording = Content.StoredDataWording();
        var fields = typeof(CaseDetailsFields).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.All(fields, f => Assert.True(wording.FieldNames.ContainsKey(f), $"no plain name for draft field {f}"));
        var text = StoredDataText.Render([new StoredDataItem(StoredDataCategory.Answers, Fields: [CaseDetailsFields.Phone])], wording);
        Assert.Contains(Content.Messages.Get(MessageKeys.StoredDataFieldsPhone), text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }
}
