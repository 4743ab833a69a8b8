using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

/// <summary>
/// The review sheet (Data/emergency-phrasings.tsv) through the recognizer: every row must get its expected outcome.
/// One failure message lists every row that did not, so a reviewer sees the whole picture at once.
/// </summary>
public sealed class EmergencyPhrasingTableTests
{
    private readonly EmergencyRecognizer _recognizer = new(ContentFixture.Catalogs);

    [Fact]
    public void The_sheet_has_enough_rows_in_every_outcome()
    {
        var rows = EmergencyPhrasings.All;
        Assert.True(rows.Count(r => r.IsEmergency) >= 200, $"{rows.Count(r => r.IsEmergency)} emergency phrasings");
        Assert.True(rows.Count(r => r.Expected == EmergencyPhrasing.None) >= 60, $"{rows.Count(r => r.Expected == EmergencyPhrasing.None)} calm texts");
        Assert.Contains(rows, r => r.Expected == EmergencyPhrasing.Note);
    }

    [Fact]
    public void Every_phrasing_gets_its_expected_outcome()
    {
        var wrong = EmergencyPhrasings.All
            .Select(row => (row, got: Outcome(_recognizer.Classify(row.Text, "en").Level)))
            .Where(x => x.got != x.row.Expected)
            .Select(x => $"{x.row} — got {x.got}")
            .ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {EmergencyPhrasings.All.Count} rows:\n" + string.Join("\n", wrong));
    }

    internal static string Outcome(EmergencyLevel level) => level switch
    {
        EmergencyLevel.Medical => EmergencyPhrasing.Medical,
        EmergencyLevel.SelfHarm => EmergencyPhrasing.SelfHarm,
        EmergencyLevel.SelfHarmMention => EmergencyPhrasing.Note,
        _ => EmergencyPhrasing.None,
    };
}
