using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// dialogs/es against dialogs/en: a translation must define the same message keys, placeholders and ids, or startup
/// stops with the Spanish file, the line and what is missing. Each test breaks a copy of the real content.
/// </summary>
public sealed class TranslationParityTests : IDisposable
{
    private readonly ContentCopy _copy = new("en", "es");

    public void Dispose() => _copy.Dispose();

    private ContentValidationException LoadFails() =>
        Assert.Throws<ContentValidationException>(() => ContentCatalogs.Load(_copy.Root, "en"));

    [Fact]
    public void TheRealSpanishContent_LoadsBesideEnglish()
    {
        var catalogs = ContentCatalogs.Load(_copy.Root, "en");

        Assert.Equal("es", catalogs.For("es-MX").Culture);
        Assert.Equal("es", catalogs.For("es").Culture);
        Assert.Equal("en", catalogs.For("fr-FR").Culture);
    }

    [Fact]
    public void AMessageMissingInSpanish_StopsStartup_WithTheSpanishFileLineAndKey()
    {
        // handoff.failed sits in the handoff group: the error points at the group's first message in the Spanish file.
        var line = _copy.LineOf("messages.yaml", "    failed: >-", "es");
        var text = File.ReadAllLines(_copy.PathOf("messages.yaml", "es")).ToList();
        text.RemoveRange(line - 1, 3);
        _copy.Write("messages.yaml", string.Join('\n', text), "es");

        var ex = LoadFails();

        // (The code's own check also says the bot uses it; the parity check says where English has it.)
        var error = Assert.Single(ex.Errors, e => e.Message.Contains("en/messages.yaml", StringComparison.Ordinal));
        Assert.All(ex.Errors, e => Assert.Contains("`handoff.failed`", e.Message, StringComparison.Ordinal));
        Assert.EndsWith(Path.Combine("es", "messages.yaml"), error.File, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf("messages.yaml", "    sent: >-", "es"), error.Line);
        Assert.Contains("message `handoff.failed` is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("en/messages.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaceholderRenamedInSpanish_StopsStartup()
    {
        _copy.Replace("messages.yaml", "Su número de caso es {reference}.", "Su número de caso es {referencia}.", "es");

        var ex = LoadFails();

        var error = Assert.Single(ex.Errors, e => e.Message.Contains("`handoff.sent`", StringComparison.Ordinal) && e.Message.Contains("placeholders", StringComparison.Ordinal));
        Assert.EndsWith(Path.Combine("es", "messages.yaml"), error.File, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf("messages.yaml", "{referencia}", "es") - 1, error.Line);
        Assert.Contains("{referencia}", error.Message, StringComparison.Ordinal);
        Assert.Contains("{reference}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlaceholderLeftOutInSpanish_StopsStartup()
    {
        // The bot would still fill {crisisLine}: a Spanish crisis message without it would hide the number.
        _copy.Replace("messages.yaml", "mensaje de texto al {crisisLine} a cualquier hora", "mensaje de texto a la línea de crisis a cualquier hora", "es");

        var error = Assert.Single(LoadFails().Errors);

        Assert.Contains("`emergency.selfHarmNote`", error.Message, StringComparison.Ordinal);
        Assert.Contains("{crisisLine}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMessageOnlyInSpanish_IsReported()
    {
        _copy.Replace("messages.yaml", "    resumed: Gracias. Sigamos.", "    resumed: Gracias. Sigamos.\n    extra: Algo que el inglés no tiene.", "es");

        var error = Assert.Single(LoadFails().Errors);

        Assert.Contains("message `emergency.extra` is not in en/messages.yaml", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf("messages.yaml", "extra: Algo", "es"), error.Line);
    }

    [Fact]
    public void AnEnglishKeyWithoutItsSpanishTwin_IsReported()
    {
        // What happens to anyone who adds wording to en/ and forgets es/.
        _copy.Replace("messages.yaml", "    resumed: Thank you. Let's go on.", "    resumed: Thank you. Let's go on.\n    newLine: Something new.");

        var ex = Assert.Throws<ContentValidationException>(() => ContentCatalogs.Load(_copy.Root, "en"));

        var error = Assert.Single(ex.Errors);
        Assert.EndsWith(Path.Combine("es", "messages.yaml"), error.File, StringComparison.Ordinal);
        Assert.Contains("message `emergency.newLine` is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReasonIdChangedInSpanish_IsReportedBothWays()
    {
        _copy.Replace("reasons.yaml", "  - id: risk-reduction", "  - id: reducir-riesgos", "es");

        var errors = LoadFails().Errors;

        Assert.Contains(errors, e => e.Message.Contains("reason `risk-reduction` is missing", StringComparison.Ordinal) && e.File.EndsWith(Path.Combine("es", "reasons.yaml"), StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("reason `reducir-riesgos` is not in en/reasons.yaml", StringComparison.Ordinal)
            && e.Line == _copy.LineOf("reasons.yaml", "reducir-riesgos", "es"));
    }

    [Fact]
    public void AChoiceMissingInSpanish_IsReportedAtItsSet()
    {
        _copy.Replace("choices.yaml", "      - id: any-time\n        label: A cualquier hora\n        synonyms: [cualquier hora, a toda hora, cuando sea, cuando puedan, me da igual]\n", "", "es");

        var error = Assert.Single(LoadFails().Errors, e => e.Message.Contains("any-time", StringComparison.Ordinal));

        Assert.Contains("choice in set `contact-times` `any-time` is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(_copy.LineOf("choices.yaml", "  - id: contact-times", "es"), error.Line);
    }

    [Fact]
    public void ATagChangedInSpanish_IsReported()
    {
        _copy.Replace("questions.yaml", "  - id: dx-unclear-next\n    text: Si todavía no sabemos qué es, ¿qué debemos hacer ahora?\n    reasons: [diagnostic-clarity]\n    situations: [diagnosis-unclear]",
            "  - id: dx-unclear-next\n    text: Si todavía no sabemos qué es, ¿qué debemos hacer ahora?\n    reasons: [diagnostic-clarity]\n    situations: [cancer]", "es");

        var error = Assert.Single(LoadFails().Errors);

        Assert.Contains("question `dx-unclear-next` has situations [cancer]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoutingChangedInSpanish_IsReported()
    {
        _copy.Replace("routing.yaml", "    needs: [coverage, referral, scheduling, interpreter]", "    needs: [coverage, referral, scheduling]", "es");
        _copy.Replace("routing.yaml", "    needs: [cost-aid, transport, housing,", "    needs: [cost-aid, transport, housing, interpreter,", "es");

        var error = Assert.Single(LoadFails().Errors);

        Assert.Contains("routing `rules` differ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySpanishFile_SaysWhoReviewedIt()
    {
        _copy.Replace("faq.yaml", "translation:\n  reviewedBy: not yet reviewed\n  reviewedOn: \"\"\n", "", "es");

        var error = Assert.Single(LoadFails().Errors);

        Assert.EndsWith(Path.Combine("es", "faq.yaml"), error.File, StringComparison.Ordinal);
        Assert.Contains("`translation`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReviewerWithoutADate_IsRefused()
    {
        _copy.Replace("faq.yaml", "  reviewedBy: not yet reviewed", "  reviewedBy: Ana Pérez, CHI-Spanish", "es");

        var error = Assert.Single(LoadFails().Errors);

        Assert.Contains("no `reviewedOn` date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASignedOffFile_CountsAsReviewed()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_copy.Root, "es")))
        {
            _copy.Replace(Path.GetFileName(file), "  reviewedBy: not yet reviewed\n  reviewedOn: \"\"", "  reviewedBy: Ana Pérez, CHI-Spanish\n  reviewedOn: 2026-11-30", "es");
        }

        var spanish = ContentCatalogs.Load(_copy.Root, "en").For("es");

        Assert.True(spanish.IsTranslationReviewed);
    }

    [Fact]
    public void AStaffFileInSpanish_IsRefused_StaffReadEnglish()
    {
        File.Copy(_copy.PathOf("staff.yaml"), _copy.PathOf("staff.yaml", "es"));

        var error = Assert.Single(LoadFails().Errors);

        Assert.EndsWith(Path.Combine("es", "staff.yaml"), error.File, StringComparison.Ordinal);
        Assert.Contains("only in the default language", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpanishCatalog_CarriesTheEnglishStaffWording()
    {
        var catalogs = ContentCatalogs.Load(_copy.Root, "en");
        var english = catalogs.Default.Messages;
        var spanish = catalogs.For("es").Messages;

        foreach (var key in StaffMessageKeys.All)
        {
            Assert.Equal(english.Get(key), spanish.Get(key));
        }
    }

    [Fact]
    public void TheContentReadme_SaysWhetherSpanishIsReviewed()
    {
        var readme = File.ReadAllText(Path.Combine(ContentFixture.DialogsDirectory, "README.md"));
        var spanish = ContentFixture.Catalogs.For("es");

        Assert.Equal(!spanish.IsTranslationReviewed, readme.Contains("The Spanish content is not yet reviewed", StringComparison.Ordinal));
        Assert.Equal(ContentFiles.All.Count - 1, spanish.TranslationReviews.Count);
    }
}
