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
        Details = Personas.Maya(),
    };

    [Fact]
    public void Status_of_a_waiting_case_says_nobody_has_it_yet_and_what_happens_next()
    {
        var text = CaseStatusText.Describe(Case(CaseStatus.New, QueueNames.CareCoordination, CasePriority.Urgent));

        Assert.Equal(
            "Your case SO-7K3F is waiting for a care coordinator. Nobody has picked it up yet. " +
            "Next step: a care coordinator will take it and contact you within one working day by phone.",
            text);
    }

    [Fact]
    public void Status_of_a_claimed_case_names_the_staff_member_by_first_name_only()
    {
        var text = CaseStatusText.Describe(Case(CaseStatus.Claimed, assignee: "Ana Lopez"));

        Assert.Equal("Your case SO-7K3F is being worked on. Ana, a social worker, has it. Next step: Ana will contact you by phone.", text);
    }

    [Theory]
    [InlineData(CaseStatus.Resolved, "is finished; Ana worked on it")]
    [InlineData(CaseStatus.Withdrawn, "was withdrawn")]
    public void Status_of_a_closed_case_says_so(CaseStatus status, string expected)
    {
        Assert.Contains(expected, CaseStatusText.Describe(Case(status, assignee: "Ana")));
    }

    [Fact]
    public void The_sent_message_gives_the_reference_who_will_help_and_when()
    {
        var text = PatientMessages.Submitted(Case(CaseStatus.New));

        Assert.StartsWith("Your case SO-7K3F has been sent. A social worker will contact you within two working days by phone.", text);
        Assert.DoesNotContain(Personas.MayaPhone, text);
    }
}
