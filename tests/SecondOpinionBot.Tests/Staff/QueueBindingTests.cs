using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Tests.Handoff;

namespace SecondOpinionBot.Tests.Staff;

public sealed class QueueBindingTests
{
    private static Task<QueueBinding?> BindingAsync(HandoffHost host, string queue) =>
        host.Factory.Services.GetRequiredService<IQueueBindingStore>().FindAsync(queue, CancellationToken.None);

    [Fact]
    public async Task Set_queue_in_a_team_channel_stores_the_channel_and_confirms_there()
    {
        await using var host = await HandoffHost.StartAsync();

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue care-coordination", TeamsActivities.CoordinationChannel));

        var binding = await BindingAsync(host, QueueNames.CareCoordination);
        Assert.NotNull(binding);
        Assert.Equal(TeamsActivities.Team, binding.TeamId);
        Assert.Equal(TeamsActivities.CoordinationChannel, binding.ChannelId);
        Assert.Equal(host.ServiceUrl, binding.ServiceUrl);
        Assert.Equal(TeamsActivities.Tenant, binding.TenantId);
        Assert.Equal("aad-ana", binding.BoundBy);
        var confirmation = Assert.Single(host.Connector.TextsIn(TeamsActivities.CoordinationChannel));
        Assert.StartsWith("Done: new care coordination cases will arrive in this channel", confirmation);
        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
    }

    [Fact]
    public async Task Binding_again_moves_the_queue_to_the_new_channel()
    {
        await using var host = await HandoffHost.StartAsync();

        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);
        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.CoordinationChannel);

        Assert.Equal(TeamsActivities.CoordinationChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
    }

    [Fact]
    public async Task Set_queue_from_another_tenant_is_refused_politely_and_binds_nothing()
    {
        await using var host = await HandoffHost.StartAsync();

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel, tenant: "tenant-elsewhere"));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        var reply = Assert.Single(host.Connector.SentTexts);
        Assert.Equal(SecondOpinionBot.Staff.StaffRefusal.WrongTenant.Text, reply);
        Assert.StartsWith("Sorry", reply);
    }

    [Fact]
    public async Task Without_a_configured_tenant_nobody_can_bind()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:TenantId"] = "", ["MicrosoftAppTenantId"] = "" });

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        Assert.Contains("Handoff:TenantId", Assert.Single(host.Connector.SentTexts));
    }

    [Fact]
    public async Task Only_allow_listed_users_can_bind_when_a_user_list_is_configured()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:AllowedUserObjectIds:0"] = TeamsActivities.Ana.AadObjectId });

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel, from: TeamsActivities.Ben));
        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        Assert.Equal(SecondOpinionBot.Staff.StaffRefusal.NotAllowListed.Text, Assert.Single(host.Connector.SentTexts));

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel, from: TeamsActivities.Ana));
        Assert.NotNull(await BindingAsync(host, QueueNames.SocialWork));
    }

    [Fact]
    public async Task Only_allow_listed_teams_can_bind_when_a_team_list_is_configured()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:AllowedTeamIds:0"] = "19:other-team@thread.tacv2" });

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        Assert.Equal(SecondOpinionBot.Staff.StaffRefusal.NotAllowListed.Text, Assert.Single(host.Connector.SentTexts));
    }

    [Fact]
    public async Task Set_queue_without_a_valid_queue_name_asks_which_queue()
    {
        await using var host = await HandoffHost.StartAsync();

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue finance", TeamsActivities.SocialWorkChannel));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        Assert.StartsWith("Which queue?", Assert.Single(host.Connector.SentTexts));
    }
}
