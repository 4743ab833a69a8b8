using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.PrepSheets;

/// <summary>
/// The prep sheet from the real English content: a header that says who and what it is for, only the records that
/// apply, and a records request letter for each office holding a record the person needs help getting, offered only
/// once letters.yaml names who approved it and when.
/// </summary>
public sealed class PrepSheetLetterTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private static ContentCatalog Content => ContentFixture.English;

    private static RecordsLetters Approved => Content.Letters with { ReviewedBy = "Health information and legal staff", ReviewedOn = new DateOnly(2026, 11, 20) };

    private static IntakeDraft Maria() => new()
    {
        ConsentToStore = true,
        Role = ChatRole.Caregiver,
        PatientFirstName = "Maria",
        Concern = "Her knee is worn out",
        Proposed = "Surgery or a procedure: a knee replacement",
        PlannedDate = new DateOnly(2026, 12, 14),
        CurrentClinic = "Northside Hospital",
        Reasons = ["treatment-confidence", "risk-reduction"],
        Questions = ["How often does this team do this operation?"],
        Records = new Dictionary<string, RecordStatus>
        {
            ["coverage-card"] = RecordStatus.Have,
            ["implant-details"] = RecordStatus.NotApplicable,
            ["operative-reports"] = RecordStatus.NeedHelp,
            ["anaesthesia-notes"] = RecordStatus.NeedHelp,
            ["image-files"] = RecordStatus.NeedHelp,
            ["pathology-slides"] = RecordStatus.NeedHelp,
            ["medication-list"] = RecordStatus.NeedHelp,
        },
    };

    private static PrepSheet Sheet(IntakeDraft draft, RecordsLetters? letters) =>
        PrepSheetBuilder.Build(draft.ToCaseDetails(), "SO-7WJN", Sent, Content.PrepSheetWording("911") with { Letters = letters }, Content.ChoiceCatalog());

    [Fact]
    public void The_header_says_who_the_sheet_is_for_the_worry_the_plan_the_doctor_the_reference_the_date_and_how_to_reach_the_team()
    {
        var header = Sheet(Maria(), null).Header.ToDictionary(f => f.Label, f => f.Value);
        var m = Content.Messages;

        Assert.Equal("Maria", header[m.Get(MessageKeys.PrepSheetForLabel)]);
        Assert.Equal("SO-7WJN", header[m.Get(MessageKeys.PrepSheetReference)]);
        Assert.Equal("Tuesday, November 24, 2026", header[m.Get(MessageKeys.PrepSheetCaseSent)]);
        Assert.Equal("Her knee is worn out", header[m.Get(MessageKeys.PrepSheetConcernLabel)]);
        Assert.Equal("Surgery or a procedure: a knee replacement", header[m.Get(MessageKeys.PrepSheetProposedLabel)]);
        Assert.Equal("Monday, December 14, 2026", header[m.Get(MessageKeys.PrepSheetPlannedDate)]);
        Assert.Equal("Northside Hospital", header[m.Get(MessageKeys.PrepSheetDoctorLabel)]);
        Assert.Equal(m.Get(MessageKeys.PrepSheetReachTeam), header[m.Get(MessageKeys.PrepSheetReachTeamLabel)]);
    }

    [Fact]
    public void A_patient_is_not_asked_their_name_so_the_sheet_leaves_a_line_to_write_it_on()
    {
        var draft = Maria();
        draft.Role = ChatRole.Patient;

        var sheet = Sheet(draft, null);

        Assert.Equal("", Assert.Single(sheet.Header, f => f.Label == Content.Messages.Get(MessageKeys.PrepSheetForLabel)).Value);
        Assert.Contains("<span class=\"blank\"></span>", PrepSheetPage.Render(sheet), StringComparison.Ordinal);
    }

    [Fact]
    public void Records_that_do_not_apply_are_left_off_the_sheet()
    {
        var titles = Sheet(Maria(), null).Records.Select(r => r.Title).ToList();

        Assert.Contains(Content.Records.Single(r => r.Id == "operative-reports").Item, titles);
        Assert.DoesNotContain(Content.Records.Single(r => r.Id == "implant-details").Item, titles);
    }

    [Fact]
    public void Until_letters_yaml_is_reviewed_no_letter_is_offered()
    {
        Assert.False(Content.Letters.IsApproved, "dialogs/en/letters.yaml ships without a review: a deployment's own staff approve it");

        Assert.Null(Sheet(Maria(), Content.PrepSheetWording("911").Letters).Letters);
        Assert.DoesNotContain(Content.Letters.Letter.Title, PrepSheetPage.Render(Sheet(Maria(), null)), StringComparison.Ordinal);
    }

    [Fact]
    public void Once_approved_there_is_one_letter_per_office_listing_only_the_records_the_person_needs_help_getting()
    {
        var letters = Sheet(Maria(), Approved).Letters;

        Assert.NotNull(letters);
        var offices = Content.Letters.Offices.ToDictionary(o => o.Id);
        Assert.Equal([offices["records-office"].To, offices["imaging"].To], letters.Letters.Select(l => l.To));
        var records = letters.Letters[0];
        Assert.Equal([Ask("records-office", "operative-reports"), Ask("records-office", "anaesthesia-notes")], records.Asks);
        Assert.Equal("Northside Hospital", records.At);
        Assert.Equal("Maria", records.PatientFirstName);
        // The scans are asked for as the original files, not pictures of them.
        Assert.Contains("DICOM", Assert.Single(letters.Letters[1].Asks), StringComparison.Ordinal);
        // Slides and blocks cannot be asked for with a letter: a note says who to ask instead.
        Assert.Equal(Content.Letters.NotByLetterNote, letters.NotByLetterNote);
    }

    [Fact]
    public void The_page_prints_each_letter_with_blanks_for_what_the_bot_does_not_know()
    {
        var html = PrepSheetPage.Render(Sheet(Maria(), Approved));
        var w = Content.Letters.Letter;

        Assert.Equal(2, CountOf(html, "<article class=\"letter\""));
        Assert.Contains($"<p>{Encoded(w.PatientName)} <strong>Maria</strong> <span class=\"blank\"></span></p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>{Encoded(w.BirthDate)} <span class=\"blank\"></span></p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>{Encoded(w.Signature)} <span class=\"blank\"></span></p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>{Encoded(w.At)} <strong>Northside Hospital</strong> </p>", html, StringComparison.Ordinal);
        Assert.Contains(".letter{break-before:page", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_who_has_all_their_records_gets_a_letter()
    {
        var draft = Maria();
        draft.Records = new Dictionary<string, RecordStatus> { ["operative-reports"] = RecordStatus.Have, ["medication-list"] = RecordStatus.NeedHelp };

        Assert.Null(Sheet(draft, Approved).Letters);
    }

    private static string Ask(string office, string record) =>
        Content.Letters.Offices.Single(o => o.Id == office).Asks.Single(a => a.Key == record).Value;

    private static string Encoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
