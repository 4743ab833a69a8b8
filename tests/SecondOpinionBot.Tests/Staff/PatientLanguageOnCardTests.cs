using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>
/// Staff read every case in English; a case sent in Spanish says so on the channel card and in Details, with the
/// flag that an interpreter may be needed (through the real host: posted card, Teams dialog, local staff page).
/// </summary>
public sealed class PatientLanguageOnCardTests
{
    private static async Task<(HandoffHost Host, CaseRecord Case)> PostAsync(Action<IntakeDraft> change)
    {
        var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var draft = Personas.Maya();
        change(draft);
        var record = await host.SubmitCaseAsync(draft);
        await host.DrainAsync();
        return (host, await host.CaseAsync(record.Reference));
    }

    private static string PostedCard(HandoffHost host) => host.Connector.CreatedConversations[0].Body!["activity"]!["attachments"]![0]!["content"]!.ToString();

    [Fact]
    public async Task A_case_sent_in_Spanish_shows_Spanish_and_the_interpreter_flag_in_English_on_the_card_and_in_Details()
    {
        var (host, record) = await PostAsync(d => d.Language = "es");
        await using var _ = host;

        var card = PostedCard(host);
        Assert.True(Wording.Says(card, StaffMessageKeys.CardFactsLanguage), card);
        Assert.True(Wording.Says(card, StaffMessageKeys.CardFactsLanguageInterpreter, ("language", "Spanish")), card);
        // The rest of the card stays in the team's words.
        Assert.True(Wording.Says(card, StaffMessageKeys.CardButtonsClaim), card);

        var (status, body) = await host.InvokeAsync(TeamsActivities.Task(host.ServiceUrl, "task/fetch",
            TeamsActivities.DialogData("case.details", record.Reference), TeamsActivities.SocialWorkChannel, TeamsActivities.Ana, record.StaffConversationId));
        Assert.Equal(200, status);
        var details = body["task"]!["value"]!["card"]!["content"]!.ToString();
        Assert.True(Wording.Says(details, StaffMessageKeys.DetailsFlagsInterpreter, ("language", "Spanish")), details);
        Assert.True(Wording.Says(details, StaffMessageKeys.DetailsFieldsLanguage), details);
    }

    [Fact]
    public async Task An_English_case_has_no_language_line_unless_the_patient_asked_for_an_interpreter()
    {
        var (host, _) = await PostAsync(d => d.Language = "en");
        await using (host)
        {
            Assert.False(Wording.Says(PostedCard(host), StaffMessageKeys.CardFactsLanguage), PostedCard(host));
        }

        var (asked, _) = await PostAsync(d => d.Needs = [.. d.Needs, "interpreter"]);
        await using (asked)
        {
            Assert.True(Wording.Says(PostedCard(asked), StaffMessageKeys.CardFactsLanguageInterpreter, ("language", "English")), PostedCard(asked));
        }
    }

    [Fact]
    public void A_case_stored_before_languages_were_recorded_still_reads_and_shows_no_language()
    {
        var old = CaseDetailsJson.Read("""{"format":2,"role":"Patient","concern":"Knee","needs":["transport"]}""");

        Assert.Null(old.Language);
        Assert.Equal("Knee", old.Concern);
        Assert.False(SecondOpinionBot.Staff.PatientLanguageFlag.InterpreterMayBeNeeded(old, "en"));
        var written = JObject.Parse(CaseDetailsJson.Write(old with { Language = "es" }));
        Assert.Equal("es", written["language"]!.ToString());
        Assert.Equal(CaseDetails.CurrentFormat, (int)written["format"]!);
    }
}
