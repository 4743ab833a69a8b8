using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Content;
using static SecondOpinionBot.Tests.Intake.ScriptLine;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// A caregiver says how they can act for the patient, not just yes or no: the patient agrees (and is asked to say so in
/// their own words), a parent of a minor, a healthcare proxy or power of attorney, a guardian, or not sure — which goes
/// to a person instead of ending. The paper that gives the authority joins the records checklist.
/// </summary>
public sealed class ProxyAuthorityTests
{
    private static async Task<(JourneyChat Chat, BotTurn Asked)> AtTheAuthorityQuestionAsync(string user)
    {
        var chat = await JourneyChat.StartAsync(userId: user);
        var asked = await chat.PlayAsync(await chat.OpenAsync(), [
            .. ShortJourney.Consent,
            Pick(MessageKeys.RoleAsk, "I'm helping someone"),
            Type(MessageKeys.RolePatientName, "Lily"),
            Pick(Expected.Message(MessageKeys.RoleRelationship, ("patientName", "Lily")), "Son or daughter"),
        ]);
        return (chat, asked);
    }

    [Theory]
    [InlineData("I'm the parent of a child under 18", "Proof that you are the child's parent")]
    [InlineData("I'm their healthcare proxy or power of attorney", "Your healthcare proxy or power of attorney papers")]
    [InlineData("I'm their legal guardian", "The court papers that make you the legal guardian")]
    public async Task Each_authority_carries_on_and_adds_its_paper_to_the_records_checklist(string authority, string paper)
    {
        var (chat, asked) = await AtTheAuthorityQuestionAsync("proxy-" + authority.Length);
        await using var _ = chat;

        var next = await chat.ChooseAsync(asked, authority);
        Assert.True(next.Says(MessageKeys.SituationDiagnosis), next.AllText);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Equal(authority, draft.ProxyAuthority);
        Assert.Contains(JourneySections.Role, draft.CompletedSections);
        Assert.Contains(kitRecord(paper), ContentFixture.English.RecordsFor(draft.Reasons, draft.Situations).Select(r => r.Item));

        static string kitRecord(string start) => ContentFixture.English.Records.Single(r => r.Item.StartsWith(start, StringComparison.Ordinal)).Item;
    }

    [Fact]
    public async Task The_patient_agrees_and_is_asked_to_say_so_in_their_own_words()
    {
        var (chat, asked) = await AtTheAuthorityQuestionAsync("proxy-agrees");
        await using var _ = chat;

        var next = await chat.ChooseAsync(asked, "Yes, they agree");

        Assert.True(next.Says(ContentFixture.English.Messages.Format(MessageKeys.RoleConfirmOwnWords, ("patientName", "Lily"))), next.AllText);
        Assert.True((await chat.StoredDraftAsync())!.PatientAgrees);
    }

    [Fact]
    public async Task Not_sure_goes_to_a_person_and_the_journey_goes_on()
    {
        var (chat, asked) = await AtTheAuthorityQuestionAsync("proxy-not-sure");
        await using var _ = chat;

        var next = await chat.ChooseAsync(asked, "I'm not sure");

        Assert.True(next.Says(ContentFixture.English.Messages.Format(MessageKeys.RoleAuthorityNotSure, ("patientName", "Lily"))), next.AllText);
        Assert.True(next.Says(MessageKeys.SituationDiagnosis), next.AllText);
        var draft = (await chat.StoredDraftAsync())!;
        Assert.Contains(CaseDetailsFields.PatientAgrees, draft.NotKnown);
        Assert.True(draft.NeedsCall());
    }
}

/// <summary>Records that do not fit the plan are not offered.</summary>
public sealed class RecordsThatFitTests
{
    [Fact]
    public void A_lump_with_long_term_worries_gets_no_home_readings_diary_and_chemotherapy_no_anaesthesia_notes()
    {
        var lump = ContentFixture.English.RecordsFor(["long-term-value", "diagnostic-clarity"], ["cancer", "diagnosis-unclear"]).Select(r => r.Id);
        var chemo = ContentFixture.English.RecordsFor(["treatment-confidence"], ["cancer", "major-treatment"]).Select(r => r.Id);
        var diabetes = ContentFixture.English.RecordsFor(["long-term-value"], ["chronic"]).Select(r => r.Id);

        Assert.DoesNotContain("home-readings", lump);
        Assert.DoesNotContain("anaesthesia-notes", chemo);
        Assert.Contains("home-readings", diabetes);
    }
}
