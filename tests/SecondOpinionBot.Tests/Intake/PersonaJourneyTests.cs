using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Support;
using static SecondOpinionBot.Tests.Intake.ScriptLine;
using SecondOpinionBot.Handoff;
using CasePriority = SecondOpinionBot.Handoff.CasePriority;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Whole journeys through the real host, one persona each, from the welcome to the case the team receives. Each
/// transcript checks what the bot says before every answer, then the answers the case was built from.
/// </summary>
public sealed class PersonaJourneyTests
{
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-6));

    [Fact]
    public async Task A_patient_unsure_of_a_cancer_diagnosis_is_offered_diagnostic_clarity_and_the_pathology_and_imaging_records()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "unsure-patient");
        chat.LocalNow = Tuesday;

        var last = await chat.PlayAsync(await chat.OpenAsync(), [
            Pick(MessageKeys.WelcomeConsentAsk, "Yes, save my answers"),
            Pick(MessageKeys.RoleAsk, "I am the patient"),
            Type(MessageKeys.SituationDiagnosis, "They found a lump and say it might be cancer"),
            Pick(MessageKeys.SituationProposed, "Nothing yet, or I'm not sure"),
            Type(MessageKeys.SituationDateAsk, "no"),
            Type(MessageKeys.SituationClinic, "Dr Lee at City Clinic"),
            Pick(MessageKeys.SituationSymptomsAsk, "About the same"),
            Pick(Expected.ReasonQuestion("diagnostic-clarity"), "Not sure"),
            Pick(Expected.ReasonQuestion("treatment-confidence"), "Not sure"),
            Pick(Expected.ReasonQuestion("risk-reduction"), "No"),
            Pick(Expected.ReasonQuestion("long-term-value"), "No"),
            // "Not sure" → the bot proposes reasons from the earlier answers and says why.
            Pick(Expected.ReasonSuggested("diagnostic-clarity", "diagnosis-unclear"), "Yes"),
            Pick(MessageKeys.QuestionsIntro,
                "Can you check the exact type and stage of the cancer?", "Can your team look at my pathology slides again?"),
            Type(MessageKeys.QuestionsOwnOrChange, "Should the biopsy be done again?"),
            Type(MessageKeys.QuestionsAdded, "done"),
            Records("I have it",
                ("The treatment plan you were given", "Doesn't apply to me"),
                ("Pathology reports", "I need help getting it"),
                ("The pathology slides", "I need help getting it"),
                ("The original scan image files", "I need help getting it")),
            Pick(MessageKeys.NeedsAsk, "None of these"),
            Pick(MessageKeys.ContactMethodAsk, "This web chat", "Email"),
            Type(MessageKeys.ContactEmailAsk, "pat.unsure@example.org"),
            Type(MessageKeys.ContactTimesAsk, "weekdays after 3pm"),
            Type(MessageKeys.ContactTimesReadBack, "yes"),
            Confirm(),
        ]);

        Assert.True(last.Says(MessageKeys.HandoffSent), last.AllText);
        var sent = Assert.IsType<CaseRecord>(await chat.LatestCaseAsync());
        var answers = sent.Details;
        Assert.Equal(ChatRole.Patient, answers.Role);
        Assert.Equal("They found a lump and say it might be cancer", answers.Concern);
        Assert.Contains("cancer", answers.Situations);
        Assert.Contains("diagnosis-unclear", answers.Situations);
        Assert.Null(answers.PlannedDate);
        Assert.Equal("Dr Lee at City Clinic", answers.CurrentClinic);
        Assert.Equal(["diagnostic-clarity", "treatment-confidence"], answers.Reasons);
        Assert.Equal(
            // In the order suggested: the best fit to a cancer that is not yet clear comes first.
            ["Can your team look at my pathology slides again?", "Can you check the exact type and stage of the cancer?", "Should the biopsy be done again?"],
            answers.Questions);
        Assert.Equal(RecordStatus.NeedHelp, answers.Records["pathology-report"]);
        Assert.Equal(RecordStatus.NeedHelp, answers.Records["pathology-slides"]);
        Assert.Equal(RecordStatus.Have, answers.Records["imaging-reports"]);
        Assert.Equal(RecordStatus.NeedHelp, answers.Records["image-files"]);
        Assert.Equal(RecordStatus.Have, answers.Records["lab-results"]);
        Assert.DoesNotContain("anaesthesia-notes", answers.Records.Keys);
        // Cancer brings in the genetic and biomarker results; needing help with records brings in the signed release.
        Assert.Contains("genetic-results", answers.Records.Keys);
        Assert.Equal(RecordStatus.NeedHelp, answers.Records["records-release"]);
        Assert.Empty(answers.Needs);
        Assert.Equal(["webchat", "email"], answers.ContactMethods);
        Assert.Equal("pat.unsure@example.org", answers.Email);
        Assert.NotNull(answers.ContactTimes);
        Assert.Equal(CasePriority.Routine, sent.Priority);
        Assert.Equal("care-coordination", sent.Queue);
    }

    /// <summary>The same caregiver, once in a Teams personal chat and once in web chat, with two ways of saying the date.</summary>
    [Theory]
    [InlineData("msteams", "personal", "29:caregiver-aad", "in five days", "Teams chat")]
    [InlineData("webchat", null, "caregiver-web", "on Sunday", "This web chat")]
    public async Task A_caregiver_whose_parent_has_surgery_in_five_days_gets_an_urgent_case_with_the_procedure_records(
        string channelId, string? conversationType, string userId, string datePhrase, string thisChat)
    {
        await using var factory = new BotAppFactory(BotAppFactory.TeamAlwaysAtWork());
        await using var chat = await JourneyChat.StartAsync(channelId, userId, factory);
        chat.LocalNow = Tuesday;
        chat.ConversationType = conversationType;
        var turns = new List<BotTurn>();

        var opened = await chat.OpenAsync();
        turns.Add(opened);
        var last = await chat.PlayAsync(opened, [
            Pick(MessageKeys.WelcomeConsentAsk, "Yes, save my answers"),
            Pick(MessageKeys.RoleAsk, "I'm helping someone"),
            Type(MessageKeys.RolePatientName, "Maria"),
            // Five relationships: more than three, so a card rather than buttons.
            Pick(Expected.Message(MessageKeys.RoleRelationship, ("patientName", "Maria")), "Mother or father"),
            Pick(Expected.Message(MessageKeys.RolePatientAgrees, ("patientName", "Maria")), "Yes, they agree"),
            Type(MessageKeys.SituationDiagnosis, "Her knee is worn out"),
            Pick(MessageKeys.SituationProposed, "Surgery or a procedure"),
            Type(MessageKeys.SituationProposedDetail, "A knee replacement"),
            Type(MessageKeys.SituationDateAsk, datePhrase),
            .. datePhrase == "on Sunday" ? [Type(Expected.Message(MessageKeys.SituationDateReadBack, ("date", "Sunday, November 29, 2026")), "yes")] : Array.Empty<ScriptLine>(),
            Type(MessageKeys.SituationClinic, "Northside Hospital"),
            Pick(MessageKeys.SituationSymptomsAsk, "About the same"),
            Pick(Expected.ReasonQuestion("diagnostic-clarity"), "No"),
            Pick(Expected.ReasonQuestion("treatment-confidence"), "Yes"),
            Pick(Expected.ReasonQuestion("risk-reduction"), "Yes"),
            Pick(Expected.ReasonQuestion("long-term-value"), "No"),
            Pick(MessageKeys.QuestionsIntro, "How often does this team do this operation?"),
            Type(MessageKeys.QuestionsOwnOrChange, "done"),
            Records("I have it",
                ("A list of your allergies", "I need help getting it"),
                ("Details of any implant", "Doesn't apply to me"),
                ("Notes from any past anaesthesia", "I need help getting it")),
            Pick(MessageKeys.NeedsAsk, "Booking the visit"),
            Type(MessageKeys.NeedsOtherAsk, "skip"),
            Pick(MessageKeys.ContactMethodAsk, thisChat, "Phone call"),
            Type(MessageKeys.ContactPhoneAsk, "(312) 555-0182"),
            Pick(MessageKeys.ContactTimesAsk, "Mornings"),
            Confirm(),
        ], turns.Add);

        Assert.Contains(turns, t => t.Says(MessageKeys.SituationDateSoon));
        Assert.Contains(turns, t => t.CardChoices().Contains("Partner or spouse"));
        // The chat offered for contact is the one the user is in.
        var otherChat = channelId == "msteams" ? "This web chat" : "Teams chat";
        Assert.Contains(turns, t => t.CardChoices().Contains(thisChat));
        Assert.DoesNotContain(turns, t => t.CardChoices().Contains(otherChat));
        foreach (var activity in turns.SelectMany(t => t.Activities))
        {
            // Teams shows at most three suggested actions; longer lists come as cards. The engine keeps to it everywhere.
            Assert.True((activity["suggestedActions"]?["actions"]?.Count() ?? 0) <= 3, activity.ToString());
        }

        Assert.True(last.Says(MessageKeys.HandoffWhenUrgent), last.AllText);
        var sent = Assert.IsType<CaseRecord>(await chat.LatestCaseAsync());
        var answers = sent.Details;
        Assert.Equal(ChatRole.Caregiver, answers.Role);
        Assert.Equal("Maria", answers.PatientFirstName);
        Assert.Equal("parent", answers.Relationship);
        Assert.True(answers.PatientAgrees);
        Assert.Equal(new DateOnly(2026, 11, 29), answers.PlannedDate);
        Assert.Contains("procedure-planned", answers.Situations);
        Assert.Contains("date-soon", answers.Situations);
        Assert.Equal(["treatment-confidence", "risk-reduction"], answers.Reasons);
        Assert.Equal(["How often does this team do this operation?"], answers.Questions);
        Assert.Equal(RecordStatus.Have, answers.Records["medication-list"]);
        Assert.Equal(RecordStatus.NeedHelp, answers.Records["allergies"]);
        Assert.Equal(RecordStatus.NotApplicable, answers.Records["implant-details"]);
        Assert.Equal(RecordStatus.NeedHelp, answers.Records["anaesthesia-notes"]);
        Assert.Contains("operative-reports", answers.Records.Keys);
        Assert.DoesNotContain("genetic-results", answers.Records.Keys);
        Assert.DoesNotContain("pathology-slides", answers.Records.Keys);
        Assert.Equal(["scheduling"], answers.Needs);
        Assert.Contains("phone", answers.ContactMethods);
        Assert.Contains(channelId == "msteams" ? "teams" : "webchat", answers.ContactMethods);
        Assert.NotNull(answers.Phone);
        Assert.Equal(CasePriority.Urgent, sent.Priority);
        Assert.Equal("care-coordination", sent.Queue);
    }

    [Fact]
    public async Task A_patient_who_mostly_needs_money_and_transport_help_goes_to_social_work()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "money-patient");
        chat.LocalNow = Tuesday;

        await chat.PlayAsync(await chat.OpenAsync(), [
            Pick(MessageKeys.WelcomeConsentAsk, "Yes, save my answers"),
            Pick(MessageKeys.RoleAsk, "I am the patient"),
            Type(MessageKeys.SituationDiagnosis, "I have diabetes and my kidneys are failing"),
            Pick(MessageKeys.SituationProposed, "A treatment or medicine"),
            Type(MessageKeys.SituationProposedDetail, "dialysis three times a week"),
            Type(MessageKeys.SituationDateAsk, "skip"),
            Type(MessageKeys.SituationClinic, "skip"),
            Pick(MessageKeys.SituationSymptomsAsk, "Getting worse slowly"),
            Pick(Expected.ReasonQuestion("diagnostic-clarity"), "No"),
            Pick(Expected.ReasonQuestion("treatment-confidence"), "No"),
            Pick(Expected.ReasonQuestion("risk-reduction"), "No"),
            Pick(Expected.ReasonQuestion("long-term-value"), "Yes"),
            Pick(MessageKeys.QuestionsIntro, "None of these"),
            Type(MessageKeys.QuestionsOwnAsk, "done"),
            Records("I have it"),
            Pick(MessageKeys.NeedsAsk, "Cost or money help", "Getting there"),
            // Their own words add a need category; the words themselves are not kept.
            Type(MessageKeys.NeedsOtherAsk, "We may need a place to stay overnight"),
            Pick(MessageKeys.ContactMethodAsk, "Phone call"),
            Type(MessageKeys.ContactPhoneAsk, "312-555-0147"),
            Type(MessageKeys.ContactTimesAsk, "weekdays after 3pm"),
            Type(MessageKeys.ContactTimesReadBack, "yes"),
            Confirm(),
        ]);

        var sent = Assert.IsType<CaseRecord>(await chat.LatestCaseAsync());
        var answers = sent.Details;
        Assert.Equal(["cost-aid", "transport", "housing"], answers.Needs);
        Assert.Contains("chronic", answers.Situations);
        Assert.Contains("major-treatment", answers.Situations);
        Assert.Equal(["long-term-value"], answers.Reasons);
        Assert.Empty(answers.Questions);
        Assert.All(answers.Records.Values, status => Assert.Equal(RecordStatus.Have, status));
        // A long treatment brings in the treatment history; with every record at hand no release form is needed.
        Assert.Contains("treatment-history", answers.Records.Keys);
        Assert.DoesNotContain("records-release", answers.Records.Keys);
        Assert.Equal(["phone"], answers.ContactMethods);
        Assert.False(answers.SymptomsChangingFast);
        Assert.Equal("social-work", sent.Queue);
        Assert.Equal(CasePriority.Routine, sent.Priority);
    }

    [Fact]
    public async Task A_caregiver_whose_parent_does_not_agree_goes_no_further_reads_the_reasons_and_the_parent_is_not_kept()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "caregiver-without-consent");
        chat.LocalNow = Tuesday;

        var stopped = await chat.PlayAsync(await chat.OpenAsync(), [
            Pick(MessageKeys.WelcomeConsentAsk, "Yes, save my answers"),
            Pick(MessageKeys.RoleAsk, "I'm helping someone"),
            Type(MessageKeys.RolePatientName, "Arthur"),
            Pick(Expected.Message(MessageKeys.RoleRelationship, ("patientName", "Arthur")), "Mother or father"),
            Pick(Expected.Message(MessageKeys.RolePatientAgrees, ("patientName", "Arthur")), "No, they don't agree"),
        ]);

        Assert.True(stopped.Says(MessageKeys.RolePatientDisagrees, ("patientName", "Arthur")), stopped.AllText);
        Assert.True(stopped.NamesReason("diagnostic-clarity"), $"The reasons the bot offers to show:\n{stopped.AllText}");
        Assert.False(stopped.Says(MessageKeys.SituationDiagnosis), stopped.AllText);
        var draft = await chat.StoredDraftAsync();
        Assert.NotNull(draft);
        Assert.Null(draft.PatientFirstName);
        Assert.Null(draft.Relationship);
        Assert.DoesNotContain(JourneySections.Role, draft.CompletedSections);

        // Back later, once Arthur agrees: the journey asks who is chatting again.
        var later = await chat.SayAsync("hi");
        Assert.True(later.Says(MessageKeys.RoleAsk), later.AllText);
    }

    [Fact]
    public async Task A_user_who_declines_consent_reads_the_four_reasons_and_nothing_is_stored_about_them()
    {
        await using var chat = await JourneyChat.StartAsync(userId: "declining-user");
        chat.LocalNow = Tuesday;

        var opened = await chat.OpenAsync();
        var tour = await chat.ChooseAsync(opened, "No, don't save them");

        Assert.True(tour.Says(MessageKeys.WelcomeConsentNo), tour.AllText);
        foreach (var title in new[] { "Being sure of the diagnosis", "Feeling sure about the treatment", "Lowering the risks", "Planning for the long run" })
        {
            Assert.True(tour.Says(title), $"The tour should explain \"{title}\":\n{tour.AllText}");
        }

        // Even an emergency later is answered without keeping anything about them.
        var emergency = await chat.SayAsync("I have chest pain");
        Assert.True(emergency.Says("911"), emergency.AllText);

        var again = await chat.SayAsync("hi");
        Assert.True(again.Says(MessageKeys.WelcomeConsentAsk), again.AllText);

        Assert.Null(await chat.StoredDraftAsync());
        var userState = await chat.UserStateAsync();
        Assert.True(userState is null || userState.Properties().All(p => p.Name is "eTag" or "ETag"), userState?.ToString());
        Assert.Null(await chat.LatestCaseAsync());
    }
}
