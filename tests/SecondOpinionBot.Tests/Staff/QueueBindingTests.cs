using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Tests.Handoff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Staff;

public sealed class QueueBindingTests
{
    /// <summary>The queue's name inside a sentence, as staff.yaml words it ("social work").</summary>
    private static string SocialWork => Wording.Messages.Get(StaffMessageKeys.QueuesSocialWork).ToLowerInvariant();

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

    private static readonly StaffMember Admin = new("aad-admin", "Ada Admin");

    /// <summary>Texts of the new posts (threads) the bot started in a channel, e.g. the notice that a queue moved.</summary>
    private static string[] NoticesIn(HandoffHost host, string channel) => host.Connector.CreatedConversations
        .Where(c => c.Body!["channelData"]?["channel"]?["id"]?.ToString() == channel)
        .Select(c => c.Body!["activity"]?["text"]?.ToString() ?? "")
        .ToArray();

    [Fact]
    public async Task Moving_a_bound_queue_from_another_channel_is_refused_and_the_bound_channel_is_told()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", "19:elsewhere@thread.tacv2", TeamsActivities.Ben, team: "19:other-team@thread.tacv2"));
        await host.DrainAsync();

        Assert.Equal(TeamsActivities.SocialWorkChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.QueueBoundElsewhere.With(("queue", "social-work"))), Assert.Single(host.Connector.TextsIn("19:elsewhere@thread.tacv2")));
        var told = Assert.Single(NoticesIn(host, TeamsActivities.SocialWorkChannel));
        Assert.True(Wording.Says(told, StaffMessageKeys.CommandsMoveRefused, ("who", "Ben"), ("queueName", SocialWork), ("queue", "social-work")), told);
    }

    [Fact]
    public async Task A_queue_admin_moves_a_bound_queue_and_the_old_channel_is_told()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:AdminUserObjectIds:0"] = Admin.AadObjectId });
        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.CoordinationChannel, Admin));
        await host.DrainAsync();

        Assert.Equal(TeamsActivities.CoordinationChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
        Assert.Equal([Wording.Messages.Format(StaffMessageKeys.CommandsMovedAway, ("who", "Ada"), ("queueName", SocialWork))], NoticesIn(host, TeamsActivities.SocialWorkChannel));
    }

    [Fact]
    public async Task Move_queue_in_the_bound_channel_lets_another_allowed_channel_take_it_once_and_the_old_channel_is_told()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:AllowedTeamIds:0"] = TeamsActivities.Team }, services: HandoffHost.AsConfiguredBot);
        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "move queue social-work", TeamsActivities.SocialWorkChannel, TeamsActivities.Ben));
        Assert.Contains(host.Connector.TextsIn(TeamsActivities.SocialWorkChannel), t => Wording.Says(t, StaffMessageKeys.CommandsMoveReady, ("minutes", "15"), ("queueName", SocialWork), ("queue", "social-work")));
        Assert.Equal(TeamsActivities.SocialWorkChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.CoordinationChannel, TeamsActivities.Ana));
        await host.DrainAsync();

        Assert.Equal(TeamsActivities.CoordinationChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
        Assert.True(Wording.Says(host.Connector.TextsIn(TeamsActivities.CoordinationChannel)[^1], StaffMessageKeys.CommandsMovedFrom, ("queueName", SocialWork)));
        Assert.Equal([Wording.Messages.Format(StaffMessageKeys.CommandsMovedAway, ("who", "Ana"), ("queueName", SocialWork))], NoticesIn(host, TeamsActivities.SocialWorkChannel));

        // The permit is used up: the old channel cannot take it straight back without a new "move queue".
        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel, TeamsActivities.Ben));
        Assert.Equal(TeamsActivities.CoordinationChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
    }

    [Fact]
    public async Task Move_queue_is_refused_outside_the_bound_channel_and_the_permit_expires()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "move queue social-work", "19:elsewhere@thread.tacv2", TeamsActivities.Ben, team: "19:other-team@thread.tacv2"));
        Assert.Equal(
            StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.MoveNotBound.With(("queue", "social-work"), ("queueName", SocialWork))),
            Assert.Single(host.Connector.TextsIn("19:elsewhere@thread.tacv2")));
        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", "19:elsewhere@thread.tacv2", TeamsActivities.Ben, team: "19:other-team@thread.tacv2"));
        Assert.Equal(TeamsActivities.SocialWorkChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "move queue social-work", TeamsActivities.SocialWorkChannel));
        host.Clock.Advance(SecondOpinionBot.Staff.StaffCommands.MoveWindow + TimeSpan.FromSeconds(1));
        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.CoordinationChannel));
        Assert.Equal(TeamsActivities.SocialWorkChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
    }

    [Fact]
    public async Task Move_queue_from_the_bound_channel_by_someone_not_in_its_team_is_refused()
    {
        await using var host = await HandoffHost.StartAsync();
        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "move queue social-work", TeamsActivities.SocialWorkChannel, new StaffMember("aad-carla", "Carla Diaz")));
        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.CoordinationChannel));

        Assert.Contains(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotTeamMember), host.Connector.TextsIn(TeamsActivities.SocialWorkChannel));
        Assert.Equal(TeamsActivities.SocialWorkChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
    }

    [Fact]
    public async Task Binding_again_in_the_bound_channel_keeps_it_and_tells_nobody()
    {
        await using var host = await HandoffHost.StartAsync();

        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);
        await host.BindAsync(QueueNames.SocialWork, TeamsActivities.SocialWorkChannel);
        await host.DrainAsync();

        Assert.Equal(TeamsActivities.SocialWorkChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);
        Assert.Empty(host.Connector.CreatedConversations);
    }

    [Fact]
    public async Task A_configured_bot_without_an_allow_list_or_admins_refuses_to_bind_and_names_the_settings()
    {
        await using var host = await HandoffHost.StartAsync(services: HandoffHost.AsConfiguredBot);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        var reply = Assert.Single(host.Connector.SentTexts);
        Assert.Contains("Handoff:AllowedTeamIds", reply);
        Assert.Contains("Handoff:AdminUserObjectIds", reply);
    }

    [Fact]
    public async Task A_configured_bot_binds_in_an_allowed_team_or_for_an_admin_only()
    {
        await using var host = await HandoffHost.StartAsync(
            new() { ["Handoff:AllowedTeamIds:0"] = TeamsActivities.Team, ["Handoff:AdminUserObjectIds:0"] = Admin.AadObjectId }, services: HandoffHost.AsConfiguredBot);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue care-coordination", "19:other@thread.tacv2", TeamsActivities.Ben, team: "19:other-team@thread.tacv2"));
        Assert.Null(await BindingAsync(host, QueueNames.CareCoordination));

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel, TeamsActivities.Ben));
        Assert.Equal(TeamsActivities.SocialWorkChannel, (await BindingAsync(host, QueueNames.SocialWork))!.ChannelId);

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue care-coordination", "19:other@thread.tacv2", Admin, team: "19:other-team@thread.tacv2"));
        Assert.Equal("19:other@thread.tacv2", (await BindingAsync(host, QueueNames.CareCoordination))!.ChannelId);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("shared")]
    public async Task A_private_or_shared_channel_is_refused_with_the_reason(string channelType)
    {
        await using var host = await HandoffHost.StartAsync();
        var message = TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel);
        message["channelData"]!["channel"]!["type"] = channelType;

        await host.SendAsync(message);

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotStandardChannel), Assert.Single(host.Connector.SentTexts));
    }

    [Fact]
    public async Task Set_queue_from_another_tenant_is_refused_politely_and_binds_nothing()
    {
        await using var host = await HandoffHost.StartAsync();

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel, tenant: "tenant-elsewhere"));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        var reply = Assert.Single(host.Connector.SentTexts);
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.WrongTenant), reply);
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
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotAllowListed), Assert.Single(host.Connector.SentTexts));

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel, from: TeamsActivities.Ana));
        Assert.NotNull(await BindingAsync(host, QueueNames.SocialWork));
    }

    [Fact]
    public async Task Only_allow_listed_teams_can_bind_when_a_team_list_is_configured()
    {
        await using var host = await HandoffHost.StartAsync(new() { ["Handoff:AllowedTeamIds:0"] = "19:other-team@thread.tacv2" });

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue social-work", TeamsActivities.SocialWorkChannel));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        Assert.Equal(StaffWording.Of(SecondOpinionBot.Staff.StaffRefusal.NotAllowListed), Assert.Single(host.Connector.SentTexts));
    }

    [Fact]
    public async Task Set_queue_without_a_valid_queue_name_asks_which_queue()
    {
        await using var host = await HandoffHost.StartAsync();

        await host.SendAsync(TeamsActivities.ChannelMessage(host.ServiceUrl, "set queue finance", TeamsActivities.SocialWorkChannel));

        Assert.Null(await BindingAsync(host, QueueNames.SocialWork));
        Assert.True(Wording.Says(Assert.Single(host.Connector.SentTexts), StaffMessageKeys.CommandsWhichQueue), host.Connector.SentTexts[0]);
    }
}
