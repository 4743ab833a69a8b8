using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>A care team member who writes to the bot in a personal chat gets the staff help, not the patient intake.</summary>
public sealed class StaffPersonalChatTests
{
    private static JObject PersonalMessage(string serviceUrl, StaffMember from, string text, string tenant = TeamsActivities.Tenant) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = "29:" + from.AadObjectId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
        ["recipient"] = new JObject { ["id"] = "28:bot" },
        ["conversation"] = new JObject { ["id"] = "a:personal-" + from.AadObjectId, ["conversationType"] = "personal", ["tenantId"] = tenant },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = tenant } },
        ["text"] = text,
    };

    [Fact]
    public async Task A_member_of_a_bound_team_gets_the_staff_help_in_a_personal_chat()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();

        (await host.SendAsync(PersonalMessage(host.ServiceUrl, TeamsActivities.Ana, "hi"))).EnsureSuccessStatusCode();

        var reply = Assert.Single(host.Connector.TextsIn("a:personal-aad-ana"));
        Assert.StartsWith("Hello Ana. You are on the care team", reply);
    }

    [Fact]
    public async Task Someone_outside_the_team_gets_the_patient_welcome()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();
        var maya = new StaffMember("aad-maya", "Maya Rivera");

        (await host.SendAsync(PersonalMessage(host.ServiceUrl, maya, "hi"))).EnsureSuccessStatusCode();

        var texts = host.Connector.TextsIn("a:personal-aad-maya");
        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, t => Wording.Says(t, StaffMessageKeys.PersonalChatHelp));
    }

    [Fact]
    public async Task A_team_member_from_another_tenant_is_not_taken_for_staff()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync();

        (await host.SendAsync(PersonalMessage(host.ServiceUrl, TeamsActivities.Ben, "hi", tenant: "tenant-elsewhere"))).EnsureSuccessStatusCode();

        Assert.DoesNotContain(host.Connector.TextsIn("a:personal-aad-ben"), t => Wording.Says(t, StaffMessageKeys.PersonalChatHelp));
    }
}
