using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Tests.Channels;
using SecondOpinionBot.Tests.Content;
using UglyToad.PdfPig;

namespace SecondOpinionBot.Tests.PrepSheets;

/// <summary>
/// The prep sheet as a person prints it: the real host serves the page, Chromium prints it to PDF with the page's own
/// print stylesheet, and the PDF's text is read back. A deployment whose letters.yaml is approved gets a records
/// request letter per office on its own page; records that don't apply are not printed.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PrepSheetPdfBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly ContentCopy _content = new();

    public void Dispose() => _content.Dispose();

    private static ContentCatalog English => ContentFixture.English;

    /// <summary>The caregiver of the phone persona: Maria's worn-out knee, a replacement planned.</summary>
    private static IntakeDraft Maria() => new()
    {
        ConsentToStore = true,
        Role = ChatRole.Caregiver,
        PatientFirstName = "Maria",
        Relationship = "parent",
        Concern = "Her knee is worn out",
        Proposed = "Surgery or a procedure: A knee replacement",
        CurrentClinic = "Northside Hospital",
        Reasons = ["treatment-confidence", "risk-reduction"],
        Questions = ["How often does this team do this operation?", "Can treatment happen closer to home?"],
        Records = new Dictionary<string, RecordStatus>
        {
            ["coverage-card"] = RecordStatus.Have,
            ["treatment-plan"] = RecordStatus.Have,
            ["implant-details"] = RecordStatus.NotApplicable,
            ["operative-reports"] = RecordStatus.NeedHelp,
            ["anaesthesia-notes"] = RecordStatus.NeedHelp,
            ["image-files"] = RecordStatus.NeedHelp,
            ["records-release"] = RecordStatus.NeedHelp,
        },
    };

    [Fact]
    public async Task The_printed_sheet_has_the_header_the_questions_the_records_that_apply_and_a_letter_per_office()
    {
        _content.Replace(ContentFiles.Letters, "  reviewedBy: \"\"\n  reviewedOn: \"\"",
            "  reviewedBy: Health information and legal staff (test)\n  reviewedOn: 2026-11-20");

        var text = await PrintAsync(_content.Root);

        Assert.Contains(Squeeze("Maria"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("SO-PDF1"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Her knee is worn out"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Northside Hospital"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("How often does this team do this operation?"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Can treatment happen closer to home?"), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(Item("operative-reports")), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(Item("coverage-card")), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze(Item("implant-details")), text, StringComparison.Ordinal);

        var letters = English.Letters;
        Assert.Equal(2, Occurrences(text, Squeeze(letters.Letter.Title)));
        Assert.Contains(Squeeze(Ask("records-office", "operative-reports")), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(Ask("records-office", "anaesthesia-notes")), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(Ask("imaging", "image-files")), text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(letters.Letter.Signature), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_approved_letter_the_printed_sheet_has_no_letter()
    {
        var text = await PrintAsync(_content.Root);

        Assert.Contains(Squeeze(Item("operative-reports")), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze(English.Letters.Letter.Title), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze(English.Letters.Heading), text, StringComparison.Ordinal);
    }

    /// <summary>Serves the sheet from content in <paramref name="dialogs"/>, prints it in Chromium and returns its text, spaces removed.</summary>
    private async Task<string> PrintAsync(string dialogs)
    {
        await using var factory = new DirectLineAppFactory(new Dictionary<string, string?> { ["Content:Directory"] = dialogs }, realServer: true);
        var address = factory.StartOnLoopback();
        var answers = PrepSheetAnswers.From(Maria().ToCaseDetails(), "SO-PDF1", factory.Time.GetUtcNow(), "en");
        var link = await factory.Services.GetRequiredService<PrepSheetLinkStore>().CreateAsync("webchat:pdf-persona", answers, CancellationToken.None);

        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(address, link.Path).ToString());
        Assert.Equal(200, response!.Status);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        await File.WriteAllBytesAsync(TestArtifacts.PathFor("prep-sheet.pdf"), pdf);

        using var document = PdfDocument.Open(pdf);
        // The letters each start a page of their own (print stylesheet).
        var pages = document.GetPages().Select(p => Squeeze(p.Text)).ToList();
        var title = Squeeze(English.Letters.Letter.Title);
        Assert.All(pages.Where(p => p.Contains(title, StringComparison.Ordinal)), p => Assert.StartsWith(title, p, StringComparison.Ordinal));
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        await File.WriteAllTextAsync(TestArtifacts.PathFor("prep-sheet.txt"), text);
        return Squeeze(text);
    }

    private static string Item(string record) => English.Records.Single(r => r.Id == record).Item;

    private static string Ask(string office, string record) =>
        English.Letters.Offices.Single(o => o.Id == office).Asks.Single(a => a.Key == record).Value;

    /// <summary>
    /// PDF text comes back with line breaks and spaces where the layout put them, and with the font's ligatures ("ﬁ"):
    /// compare without spaces, ligatures taken apart.
    /// </summary>
    private static string Squeeze(string text) => string.Concat(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
