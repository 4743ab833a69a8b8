using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

public sealed class ContentCatalogTests
{
    private static ContentCatalog Content => ContentFixture.English;

    [Fact]
    public void RealEnglishContent_LoadsWithoutErrors()
    {
        var catalog = ContentCatalog.Load(ContentFixture.DialogsDirectory, "en");

        Assert.Equal(["diagnostic-clarity", "treatment-confidence", "risk-reduction", "long-term-value"], catalog.Reasons.Select(r => r.Id));
        Assert.All(MessageKeys.All, key => Assert.True(catalog.Messages.Contains(key.Name), key.Name));
    }

    [Fact]
    public void EveryReason_HasTwoOrThreeSentencesAndOneOrTwoQuestions()
    {
        foreach (var reason in Content.Reasons)
        {
            var sentences = reason.Explanation.Split(['.', '?', '!'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.InRange(sentences.Length, 2, 3);
            Assert.InRange(reason.SoundsLikeYou.Count, 1, 2);
        }
    }

    [Fact]
    public void Format_FillsEmergencyNumber()
    {
        var text = Content.Messages.Format(MessageKeys.WelcomeWhatIDoNot, ("emergencyNumber", "112"));

        Assert.Contains("112", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{emergencyNumber}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_WithoutADeclaredPlaceholderValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => Content.Messages.Format(MessageKeys.RoleRelationship));
    }

    [Fact]
    public void PlannedSurgery_BringsMedicationAllergiesImplantAndAnaesthesiaRecords()
    {
        var situations = Content.DetectSituations("They want to do knee replacement surgery next month");
        var records = Content.RecordsFor([], situations).Select(r => r.Id).ToList();

        Assert.Contains("procedure-planned", situations);
        Assert.Contains("medication-list", records);
        Assert.Contains("allergies", records);
        Assert.Contains("implant-details", records);
        Assert.Contains("anaesthesia-notes", records);
        Assert.DoesNotContain("pathology-slides", records);
    }

    [Fact]
    public void UnclearDiagnosis_BringsPathologyImagingAndDatedLabs_PlusAlwaysItems()
    {
        var records = Content.RecordsFor(["diagnostic-clarity"], ["diagnosis-unclear"]).Select(r => r.Id).ToList();

        Assert.Contains("pathology-report", records);
        Assert.Contains("pathology-slides", records);
        Assert.Contains("imaging-reports", records);
        Assert.Contains("image-files", records);
        Assert.Contains("lab-results", records);
        Assert.Contains("coverage-card", records);
        Assert.Contains("referral", records);
        Assert.Contains("treatment-plan", records);
        Assert.DoesNotContain("implant-details", records);
    }

    [Fact]
    public void NotSure_WithSurgeryPlanned_SuggestsTreatmentConfidenceAndRiskReduction_WithWhy()
    {
        var situations = Content.DetectSituations("The surgeon wants to operate on my spine");
        var suggestions = Content.SuggestReasons(situations);

        Assert.Equal(["treatment-confidence", "risk-reduction"], suggestions.Select(s => s.Reason.Id));
        Assert.All(suggestions, s => Assert.NotEmpty(s.Because));
    }

    [Fact]
    public void NotSure_WithRareUnclearDiagnosis_SuggestsDiagnosticClarity()
    {
        var situations = Content.DetectSituations("They think it might be something rare but nobody is sure");
        var suggestions = Content.SuggestReasons(situations);

        Assert.Equal("diagnostic-clarity", suggestions[0].Reason.Id);
    }

    [Fact]
    public void SituationFromChoice_CarriesTag()
    {
        var procedure = Content.Choices(ChoiceSetIds.Proposal)["procedure"];

        Assert.Contains("procedure-planned", procedure.Situations);
    }

    [Fact]
    public void QuestionsFor_KeepsSituationSpecificQuestionsOnlyWhenTheSituationApplies()
    {
        var general = Content.QuestionsFor(["risk-reduction"], []).Select(q => q.Id).ToList();
        var surgery = Content.QuestionsFor(["risk-reduction"], ["procedure-planned"]).Select(q => q.Id).ToList();

        Assert.DoesNotContain("risk-anaesthesia", general);
        Assert.Contains("risk-anaesthesia", surgery);
        Assert.Contains("risk-main", general);
        Assert.DoesNotContain(surgery, id => id.StartsWith("dx-", StringComparison.Ordinal));
    }

    [Fact]
    public void MatchNeeds_FindsNeedsFromEverydayWords()
    {
        var needs = Content.MatchNeeds("I have no car and can't afford the bills").Select(n => n.Id).ToList();

        Assert.Contains("transport", needs);
        Assert.Contains("cost-aid", needs);
        Assert.DoesNotContain("housing", needs);
    }

    [Fact]
    public void Catalogs_FallBackToEnglishForOtherCultures()
    {
        Assert.Same(ContentFixture.English, ContentFixture.Catalogs.For("en-US"));
        Assert.Same(ContentFixture.English, ContentFixture.Catalogs.For("fr-FR"));
    }

    [Fact]
    public void EveryReason_OffersAtLeastThreeQuestions_WhateverTheSituation()
    {
        foreach (var reason in Content.Reasons)
        {
            Assert.True(Content.QuestionsFor([reason.Id], []).Count >= 3, $"reason {reason.Id} has too few general questions");
        }
    }

    [Fact]
    public void EverySituation_ChangesWhatTheUserIsOffered()
    {
        foreach (var situation in Content.Situations)
        {
            var used = Content.Questions.Any(q => q.Situations.Contains(situation.Id))
                || Content.Records.Any(r => r.Situations.Contains(situation.Id))
                || Content.Reasons.Any(r => r.SuggestWhen.Any(s => s.Situation == situation.Id));
            Assert.True(used, $"situation {situation.Id} is never used");
        }
    }

    [Fact]
    public void CaregiverWithSurgeryInFiveDays_GetsUrgentRiskQuestions()
    {
        var today = new DateOnly(2026, 3, 2);
        var situations = Content.DetectSituations("My father needs heart bypass surgery").ToHashSet();
        if (Content.Routing.IsDateSoon(today.AddDays(5), today))
        {
            situations.Add(SituationIds.DateSoon);
        }

        var questions = Content.QuestionsFor(Content.SuggestReasons(situations).Select(s => s.Reason.Id), situations).Select(q => q.Id).ToList();

        Assert.Contains("risk-date-soon", questions);
        Assert.Contains("tx-surgery-alternatives", questions);
    }
}
