using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Staff;
using SecondOpinionBot.Tests.Support;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Tests.Staff;

public sealed class StaffCaseCardTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffText Words = new(SecondOpinionBot.Tests.Content.ContentFixture.Catalogs);

    private static CaseRecord Case(IntakeDraft details, CaseStatus status = CaseStatus.New, int version = 1, string? assignee = null, string? outcome = null) => new()
    {
        Id = "id-1",
        Reference = "SO-7K3F",
        OwnerKey = "webchat:patient-1",
        CreatedAt = Created,
        Queue = QueueNames.SocialWork,
        SecondaryQueue = QueueNames.CareCoordination,
        Priority = CasePriority.Urgent,
        Status = status,
        Version = version,
        AssigneeName = assignee,
        AssigneeId = assignee is null ? null : "aad-ana",
        Outcome = outcome,
        Details = details.ToCaseDetails(),
    };

    [Fact]
    public void A_case_with_answers_the_bot_could_not_understand_shows_needs_a_call()
    {
        var draft = Personas.Maya();
        draft.NotKnown.Add(CaseDetailsFields.Proposed);
        draft.TeamQuestions.Add("can my husband come to the visit?");

        Assert.True(Wording.Says(new StaffCaseCard(Case(draft), Created, Words).ToJson(), StaffMessageKeys.CardFactsNeedsCall));
        var details = new CaseDetailsCard(Case(draft), [], CanMessagePatient: false, Words: Words).ToJson();
        Assert.True(Wording.Says(details, StaffMessageKeys.DetailsFlagsNeedsCall, ("fields", "proposed")));
        Assert.Contains("can my husband come to the visit?", details);
        Assert.DoesNotContain(Wording.Messages.Get(StaffMessageKeys.CardFactsNeedsCall), new StaffCaseCard(Case(Personas.Maya()), Created, Words).ToJson());
    }

    [Fact]
    public void Details_say_how_a_caregiver_can_act_for_the_patient_in_words()
    {
        var draft = Personas.CaregiverWithHostileName();
        draft.ProxyAuthority = "healthcare-proxy";

        var details = new CaseDetailsCard(Case(draft), [], CanMessagePatient: false, Words: Words).ToJson();

        Assert.Contains(Wording.Messages.Get(StaffMessageKeys.DetailsFieldsProxyAuthority), details);
        Assert.Contains("Healthcare proxy", details);
        Assert.Contains("\"Son\"", details);
    }

    [Fact]
    public void Details_say_whose_parent_is_whose_in_the_words_the_caregiver_picked()
    {
        // "Maya is your …" → "Mother or father": the patient is the caregiver's parent, not the other way round.
        var draft = Personas.CaregiverWithHostileName();
        draft.Relationship = "parent";

        var details = new CaseDetailsCard(Case(draft), [], CanMessagePatient: false, Words: Words).ToJson();

        Assert.Contains(Wording.Messages.Get(StaffMessageKeys.DetailsFieldsRelationship), details);
        Assert.Contains(Wording.Choice(SecondOpinionBot.Content.ChoiceSetIds.Relationship, "parent"), details);
        Assert.DoesNotContain("\"Parent\"", details);
    }

    [Fact]
    public void The_card_shows_what_the_channel_needs()
    {
        var json = new StaffCaseCard(Case(Personas.Maya()), Created.AddHours(2).AddMinutes(5), Words, ShowFirstName: true).ToJson();

        Assert.Contains("SO-7K3F · Social work", json);
        Assert.Contains("\"version\":\"1.5\"", json);
        Assert.Contains("\"Urgent\"", json);
        Assert.Contains(Wording.Messages.Format(StaffMessageKeys.WordsWaitedHours, ("hours", "2"), ("minutes", "5")), json);
        Assert.Contains("\"Maya\"", json);
        Assert.Contains("Diagnostic clarity, Treatment options", json);
        Assert.Contains("Records retrieval, Transport", json);
        Assert.Contains("1 ready, 2 need help", json);
        Assert.Contains("\"Phone\"", json);
        Assert.Contains("Care coordination", json);
    }

    [Fact]
    public void The_card_never_carries_contact_details_medical_text_questions_or_other_free_text()
    {
        var maya = Personas.Maya();
        var json = new StaffCaseCard(Case(maya), Created.AddHours(1), Words).ToJson();

        Assert.DoesNotContain(Personas.MayaPhone, json);
        Assert.DoesNotContain("555", json);
        Assert.DoesNotContain(Personas.MayaEmail, json);
        Assert.DoesNotContain("@", json);
        Assert.DoesNotContain("BI-RADS", json);
        Assert.DoesNotContain("lump", json);
        Assert.DoesNotContain("biopsy", json);
        Assert.DoesNotContain("risks of waiting", json);
        Assert.DoesNotContain("mastectomy", json);
        Assert.DoesNotContain("Northside", json);
        Assert.DoesNotContain("mornings", json);
    }

    private static JObject Json(StaffCaseCard card) => JObject.Parse(card.ToJson());

    private static string Chatting(StaffCaseCard card) =>
        Json(card).SelectTokens("$.body[*].facts[?(@.title == '" + Words.Get(StaffMessageKeys.CardFactsChatting) + "')].value").Single().ToString();

    [Fact]
    public void A_caregivers_typed_name_cannot_become_a_link_or_formatting()
    {
        var card = new StaffCaseCard(Case(Personas.CaregiverWithHostileName()), Created, Words, ShowFirstName: true);

        Assert.Equal(Words.Get(StaffMessageKeys.CardPersonCaregiver), Chatting(card));
        Assert.DoesNotContain("son@example.com", card.ToJson());
        Assert.DoesNotContain("evil", card.ToJson());
    }

    [Fact]
    public void Without_the_setting_no_name_appears_at_all()
    {
        Assert.Equal(Words.Get(StaffMessageKeys.CardPersonPatient), Chatting(new StaffCaseCard(Case(Personas.Maya()), Created, Words)));
        Assert.DoesNotContain("Maya", new StaffCaseCard(Case(Personas.Maya()), Created, Words).ToJson());
        var caregiver = Personas.Maya();
        caregiver.Role = ChatRole.Caregiver;
        Assert.Equal(Words.Get(StaffMessageKeys.CardPersonCaregiver), Chatting(new StaffCaseCard(Case(caregiver), Created, Words)));
    }

    [Theory]
    [InlineData("José", "José")]
    [InlineData("Mary-Jane", "Mary-Jane")]
    [InlineData("O'Neil", "O'Neil")]
    [InlineData("  Zoë ", "Zoë")]
    [InlineData("Дарья", "Дарья")]
    [InlineData("My mother has been told she has a heart", null)]
    [InlineData("Tom Smith", null)]
    [InlineData("tom@example.com", null)]
    [InlineData("Tom2", null)]
    [InlineData("-Tom", null)]
    [InlineData("Tom-", null)]
    [InlineData("O''Neil", null)]
    [InlineData("**Tom**", null)]
    [InlineData("Abcdefghijklmnopqrstuvwxyzabcde", null)]
    [InlineData("", null)]
    public void Only_one_plausible_first_name_passes(string typed, string? shown) =>
        Assert.Equal(shown, CardText.PlausibleFirstName(typed));

    [Fact]
    public void A_caregivers_sentence_typed_as_the_name_shows_a_caregiver()
    {
        var details = Personas.Maya();
        details.Role = ChatRole.Caregiver;
        details.PatientFirstName = "My mother has been told she has a heart";
        Assert.Equal(Words.Get(StaffMessageKeys.CardPersonCaregiver), Chatting(new StaffCaseCard(Case(details), Created, Words, ShowFirstName: true)));
        details.PatientFirstName = "Mary-Jane";
        Assert.Equal(Words.Get(StaffMessageKeys.CardPersonCaregiverFor, ("name", "Mary-Jane")), Chatting(new StaffCaseCard(Case(details), Created, Words, ShowFirstName: true)));
    }

    [Fact]
    public void A_new_case_offers_claim_as_Execute_with_a_Submit_fallback_carrying_the_same_tagged_payload()
    {
        var card = Json(new StaffCaseCard(Case(Personas.Maya(), version: 4), Created, Words));

        Assert.Equal(Wording.Texts(StaffMessageKeys.CardButtonsClaim, StaffMessageKeys.CardButtonsAssignMenu, StaffMessageKeys.CardButtonsDetails, StaffMessageKeys.CardButtonsAddNote, StaffMessageKeys.CardButtonsTransfer), card["actions"]!.Select(a => a["title"]!.ToString()));
        var action = (JObject)card["actions"]![0]!;
        Assert.Equal("Action.Execute", action["type"]!.ToString());
        Assert.Equal("case.claim", action["verb"]!.ToString());
        var expected = new JObject { ["so.kind"] = "case", ["so.version"] = 4, ["verb"] = "case.claim", ["reference"] = "SO-7K3F" };
        Assert.True(JToken.DeepEquals(expected, action["data"]));
        Assert.Equal("Action.Submit", action["fallback"]!["type"]!.ToString());
        Assert.True(JToken.DeepEquals(expected, action["fallback"]!["data"]));
        Assert.True(JToken.DeepEquals(expected, CaseActionPayload.TryRead(action["data"]) is { } read ? JObject.Parse(read.ToData().ToJsonString()) : null));
    }

    [Fact]
    public void A_claimed_case_shows_who_has_it_and_offers_resolve_with_a_fixed_outcome_list()
    {
        var card = Json(new StaffCaseCard(Case(Personas.Maya(), CaseStatus.Claimed, 2, "Ana Lopez"), Created, Words, ForAssignee: true));

        Assert.True(Wording.Says(card.ToString(), StaffMessageKeys.CardStatusClaimed, ("name", "Ana")));
        Assert.Equal(["case.resolve", "case.message", "case.details", "case.note", "case.transfer", "case.unassign"], card["actions"]!.Select(a => (a["verb"] ?? a["data"]!["verb"])!.ToString()));
        var input = card.SelectToken("$.body[?(@.type == 'Input.ChoiceSet')]")!;
        Assert.Equal("outcome", input["id"]!.ToString());
        Assert.Equal(CaseOutcomes.All.Select(o => o.Id), input["choices"]!.Select(c => c["value"]!.ToString()));
    }

    [Fact]
    public void Everyone_but_the_assignee_sees_the_base_card_and_Teams_refreshes_it_for_the_assignee_only()
    {
        var record = Case(Personas.Maya(), CaseStatus.Claimed, 2, "Ana Lopez") with { AssigneeUserId = "29:aad-ana" };

        var card = Json(new StaffCaseCard(record, Created, Words));

        Assert.Equal(Wording.Texts(StaffMessageKeys.CardButtonsTakeOver, StaffMessageKeys.CardButtonsAssignMenu, StaffMessageKeys.CardButtonsDetails, StaffMessageKeys.CardButtonsAddNote, StaffMessageKeys.CardButtonsTransfer), card["actions"]!.Select(a => a["title"]!.ToString()));
        Assert.Null(card.SelectToken("$.body[?(@.type == 'Input.ChoiceSet')]"));
        Assert.Equal(["29:aad-ana"], card["refresh"]!["userIds"]!.Select(u => u.ToString()));
        Assert.Equal("Action.Execute", card["refresh"]!["action"]!["type"]!.ToString());
        Assert.Equal("case.refresh", card["refresh"]!["action"]!["verb"]!.ToString());
    }

    [Fact]
    public void A_resolved_case_names_who_resolved_it_not_who_claimed_it()
    {
        var record = Case(Personas.Maya(), CaseStatus.Resolved, 4, "Ana Lopez", "records-gathered") with { ResolvedById = "aad-ben", ResolvedByName = "Ben Ode" };

        Assert.True(Wording.Says(new StaffCaseCard(record, Created, Words).ToJson(), StaffMessageKeys.CardStatusResolved, ("name", "Ben"), ("outcome", "Records gathered")));
    }

    [Fact]
    public void A_resolved_case_offers_Reopen_and_Details_and_shows_the_outcome()
    {
        var card = Json(new StaffCaseCard(Case(Personas.Maya(), CaseStatus.Resolved, 3, "Ana", "records-gathered"), Created, Words));

        Assert.Equal(Wording.Texts(StaffMessageKeys.CardButtonsReopen, StaffMessageKeys.CardButtonsDetails), card["actions"]!.Select(a => a["title"]!.ToString()));
        Assert.True(Wording.Says(card.ToString(), StaffMessageKeys.CardStatusResolved, ("name", "Ana"), ("outcome", "Records gathered")));
    }
}
