using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Staff;

namespace SecondOpinionBot.Tests.Handoff;

public sealed class PatientTextTests
{
    private static CaseRecord Case(CaseStatus status, string queue = QueueNames.SocialWork, CasePriority priority = CasePriority.Routine, string? assignee = null) => new()
    {
        Id = "id",
        Reference = "SO-7K3F",
        OwnerKey = "webchat:u",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Queue = queue,
        Priority = priority,
        Status = status,
        Version = 1,
        AssigneeName = assignee,
        Details = Personas.Maya().ToCaseDetails(),
    };

    private static readonly PatientMessages Messages = new(SecondOpinionBot.Tests.Content.ContentFixture.Catalogs);

    [Fact]
    public void The_claimed_message_names_the_staff_member_by_first_name_and_says_when()
    {
        var text = Messages.Claimed(Case(CaseStatus.Claimed, priority: CasePriority.Urgent), "Ana Lopez", "en-US");

        Assert.Equal("Good news. Ana, a social worker, has your case SO-7K3F. They will contact you by phone as soon as they can, most often the same day.", text);
        Assert.DoesNotContain(Personas.MayaPhone, text);
    }

    [Fact]
    public void The_resolved_message_says_how_the_case_ended_in_prepared_words()
    {
        var text = Messages.Resolved(Case(CaseStatus.Resolved), "Ana Lopez", "records-gathered", "en-US");

        Assert.Equal("Ana has finished working on your case SO-7K3F. Your records have been gathered. If you need more help, just write to me here.", text);
    }

    [Fact]
    public void Every_outcome_staff_can_choose_has_words_for_the_patient()
    {
        foreach (var outcome in SecondOpinionBot.Handoff.CaseOutcomes.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(SecondOpinionBot.Tests.Content.ContentFixture.English.Messages.Get(outcome.PatientWords)));
        }
    }
}
