using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Operations.Alerts;

/// <summary>
/// Posts alert cards as new threads in the configured operations channel, directly through the adapter and not through
/// the outbox: an alert about a stuck outbox must not wait in it. The address is the operator's configuration, or what
/// Teams itself gave with a queue binding, never anything a request supplied.
/// </summary>
public sealed class OperationsChannel(
    Microsoft.Bot.Builder.Integration.AspNet.Core.CloudAdapter adapter, IQueueBindingStore bindings, IOptions<OperationsOptions> options, IOptions<HandoffOptions> handoff, IOptions<BotAuthOptions> auth)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.AlertChannelId);

    /// <summary>False when no channel is configured or Teams has not told the bot its address yet (no queue bound).</summary>
    public async Task<bool> PostAsync(AlertCard card, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!Configured)
        {
            return false;
        }

        var binding = await AnyBindingAsync(cancellationToken);
        var serviceUrl = First(settings.AlertServiceUrl, binding?.ServiceUrl);
        var tenant = First(settings.AlertTenantId, handoff.Value.TenantId, binding?.TenantId);
        if (serviceUrl is null || tenant is null)
        {
            return false;
        }

        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo(settings.AlertChannelId), Tenant = new TenantInfo(tenant) },
            TenantId = tenant,
            Activity = (Activity)MessageFactory.Attachment(card.ToAttachment()),
        };
        await adapter.CreateConversationAsync(auth.Value.MicrosoftAppId ?? "", Microsoft.Bot.Connector.Channels.Msteams, serviceUrl, null, parameters, (_, _) => Task.CompletedTask, cancellationToken);
        return true;
    }

    private async Task<QueueBinding?> AnyBindingAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in new[] { QueueNames.SocialWork, QueueNames.CareCoordination })
        {
            if (await bindings.FindAsync(queue, cancellationToken) is { } binding)
            {
                return binding;
            }
        }

        return null;
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
