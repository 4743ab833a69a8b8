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
    public void The_claimed_message_names_the_staff_member_by_first_name_and_says_when()
    {
        var text = PatientMessages.Claimed(Case(CaseStatus.Claimed, priority: CasePriority.Urgent), "Ana Lopez");

        Assert.Equal("Ana, a social worker, has your case SO-7K3F and will contact you within one working day by phone.", text);
        Assert.DoesNotContain(Personas.MayaPhone, text);
    }
}
