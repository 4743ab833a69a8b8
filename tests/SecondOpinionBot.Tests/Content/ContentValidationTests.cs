using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class ContentValidationTests : IDisposable
{
    private readonly ContentCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private static ContentError Single(ContentValidationException ex, string file)
    {
        var error = Assert.Single(ex.Errors);
        Assert.EndsWith(file, error.File, StringComparison.Ordinal);
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void UnknownKey_IsReportedWithFileAndLine()
    {
        _copy.Replace(ContentFiles.Reasons, "    title: Lowering the risks", "    tittle: Lowering the risks");

        var ex = _copy.LoadFails();

        var unknown = Assert.Single(ex.Errors, e => e.Message.Contains("unknown key `tittle`", StringComparison.Ordinal));
        Assert.EndsWith("reasons.yaml", unknown.File, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Reasons, "tittle:"), unknown.Line);
        Assert.Contains(ex.Errors, e => e.Message.Contains("missing required key `title`", StringComparison.Ordinal));
        Assert.Contains($"reasons.yaml:{unknown.Line}: unknown key `tittle`", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredKey_IsReported()
    {
        _copy.Replace(ContentFiles.Records, "    why: They describe what the scans showed.\n", "");

        var ex = _copy.LoadFails();

        var error = Single(ex, "records.yaml");
        Assert.Contains("missing required key `why`", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Records, "- id: imaging-reports"), error.Line);
    }

    [Fact]
    public void A_record_added_after_help_that_is_also_asked_is_reported()
    {
        _copy.Replace(ContentFiles.Records, "    afterHelp: true\n", "    afterHelp: true\n    always: true\n");

        var error = Single(_copy.LoadFails(), "records.yaml");

        Assert.Contains("`afterHelp: true`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_review_needs_both_who_and_when()
    {
        _copy.Replace(ContentFiles.Letters, "  reviewedBy: \"\"", "  reviewedBy: Records office");

        var error = Single(_copy.LoadFails(), "letters.yaml");

        Assert.Contains("`reviewedBy` and `reviewedOn`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_review_date_must_be_a_date()
    {
        _copy.Replace(ContentFiles.Letters, "  reviewedBy: \"\"\n  reviewedOn: \"\"", "  reviewedBy: Records office\n  reviewedOn: last week");

        var error = Single(_copy.LoadFails(), "letters.yaml");

        Assert.Contains("YYYY-MM-DD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_asking_for_an_unknown_record_is_a_cross_reference_error()
    {
        _copy.Replace(ContentFiles.Letters, "      lab-results: My lab", "      lab-result: My lab");

        var error = Single(_copy.LoadFails(), "letters.yaml");

        Assert.Contains("unknown record `lab-result`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenYamlSyntax_IsReportedWithLine()
    {
        _copy.Replace(ContentFiles.Needs, "  - id: housing\n", "  - id: housing\n    label: [unclosed\n");

        var error = Single(_copy.LoadFails(), "needs.yaml");

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, _copy.LineOf(ContentFiles.Needs, "[unclosed"), _copy.LineOf(ContentFiles.Needs, "[unclosed") + 2);
    }

    [Fact]
    public void QuestionNamingUnknownReason_IsACrossReferenceError()
    {
        _copy.Replace(ContentFiles.Questions, "    reasons: [long-term-value]\n    situations: [chronic]", "    reasons: [long-term-valu]\n    situations: [chronic]");

        var error = Single(_copy.LoadFails(), "questions.yaml");

        Assert.Contains("unknown reason `long-term-valu`", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Questions, "- id: lt-chronic-visits"), error.Line);
    }

    [Fact]
    public void RecordNamingUnknownSituation_IsACrossReferenceError()
    {
        _copy.Replace(ContentFiles.Records, "    situations: [chronic]\n  - id: cost-estimates", "    situations: [chronik]\n  - id: cost-estimates");

        var error = Single(_copy.LoadFails(), "records.yaml");

        Assert.Contains("unknown situation `chronik`", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Records, "- id: home-readings"), error.Line);
    }

    [Fact]
    public void DuplicateId_IsReportedAtTheSecondCopy()
    {
        _copy.Replace(ContentFiles.Questions, "  - id: dx-other-causes", "  - id: dx-fits");

        var error = Single(_copy.LoadFails(), "questions.yaml");

        Assert.Contains("duplicate question id `dx-fits`", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Questions, "    text: What else could cause my symptoms?") - 1, error.Line);
    }

    [Fact]
    public void MissingMessageTheCodeUses_IsReported()
    {
        _copy.Replace(ContentFiles.Messages, "    consentAsk: Is it OK for me to save your answers?\n", "");

        var error = Single(_copy.LoadFails(), "messages.yaml");

        Assert.Contains("`welcome.consentAsk`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceholderTheCodeDoesNotFill_IsReportedAtItsLine()
    {
        _copy.Replace(ContentFiles.Messages, "call {emergencyNumber}.\n    whoSees", "call {emergencyNumbr}.\n    whoSees");

        var error = Single(_copy.LoadFails(), "messages.yaml");

        Assert.Contains("{emergencyNumbr}", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Messages, "whatIDoNot:"), error.Line);
    }

    [Fact]
    public void RoutingRuleNamingUnknownNeed_AndUnroutedNeed_AreBothReported()
    {
        _copy.Replace(ContentFiles.Routing, "needs: [coverage, referral, scheduling, interpreter]", "needs: [coverage, referal, scheduling, interpreter]");

        var ex = _copy.LoadFails();

        Assert.Contains(ex.Errors, e => e.File.EndsWith("routing.yaml", StringComparison.Ordinal) && e.Message.Contains("unknown need `referal`", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.File.EndsWith("needs.yaml", StringComparison.Ordinal) && e.Message.Contains("`referral` is not sent to any queue", StringComparison.Ordinal));
    }

    [Fact]
    public void RemovingAChoiceTheCodeRelieson_IsReported()
    {
        _copy.Replace(ContentFiles.Choices, "      - id: need-help\n", "      - id: help-needed\n");

        var error = Single(_copy.LoadFails(), "choices.yaml");

        Assert.Contains("must keep the choice `need-help`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFileAndMissingFile_AreBothReported()
    {
        File.Move(_copy.PathOf(ContentFiles.Glossary), _copy.PathOf("glosary.yaml"));

        var ex = _copy.LoadFails();

        Assert.Contains(ex.Errors, e => e.File.EndsWith("glosary.yaml", StringComparison.Ordinal) && e.Message.Contains("unknown content file", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.File.EndsWith("glossary.yaml", StringComparison.Ordinal) && e.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void ReorderedChoices_LoadInTheNewOrder()
    {
        _copy.Replace(ContentFiles.Choices,
            "      - id: patient\n        label: I am the patient\n        synonyms: [patient, me, myself, i am, it's me, for me]\n",
            "");
        _copy.Replace(ContentFiles.Choices,
            "  - id: relationship\n",
            "      - id: patient\n        label: It's me\n        synonyms: [patient]\n  - id: relationship\n");

        var role = ContentCatalog.Load(_copy.Root, "en").Choices(ChoiceSetIds.Role);

        Assert.Equal(["caregiver", "patient"], role.Choices.Select(c => c.Id));
        Assert.Equal("It's me", role["patient"].Label);
    }

    [Fact]
    public void ChoiceSynonymThatIsACommand_IsReported()
    {
        _copy.Replace(ContentFiles.Choices, "synonyms: [email, e-mail, mail]", "synonyms: [email, e-mail, mail, status]");

        var error = Single(_copy.LoadFails(), "choices.yaml");

        Assert.Contains("\"status\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Choices, "      - id: email"), error.Line);
    }

    [Fact]
    public void PhraseUnderTwoCommands_IsReported()
    {
        _copy.Replace(ContentFiles.Words, "  status: [status,", "  status: [help, status,");

        var error = Single(_copy.LoadFails(), "words.yaml");

        Assert.Contains("\"help\" is listed under both `help` and `status`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateMessageKey_IsReportedWithLine()
    {
        _copy.Replace(ContentFiles.Messages, "    consentYes: Thank you. Let's get started.\n", "    consentYes: Thank you. Let's get started.\n    consentYes: Thanks!\n");

        var error = Single(_copy.LoadFails(), "messages.yaml");

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf(ContentFiles.Messages, "consentYes: Thanks!"), error.Line);
    }
}
