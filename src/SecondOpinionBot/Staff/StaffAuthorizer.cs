using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Bot;
using SecondOpinionBot.Commands;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Options;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// Decides whether a request may act as care staff. The server decides, from the authenticated activity: it must come
/// from Teams, from the configured tenant, from a team channel, and for a case from the channel bound to its queue.
/// Card data only names the case; it never grants anything.
/// </summary>
public sealed class StaffAuthorizer(IOptions<HandoffOptions> handoff, IOptions<BotAuthOptions> auth, IQueueBindingStore bindings, TimeProvider clock, StaffText text)
{
    public string? ConfiguredTenant =>
        !string.IsNullOrWhiteSpace(handoff.Value.TenantId) ? handoff.Value.TenantId
        : !string.IsNullOrWhiteSpace(auth.Value.MicrosoftAppTenantId) ? auth.Value.MicrosoftAppTenantId
        : null;

    /// <summary>A Teams team channel in the configured tenant, or the reason it is not.</summary>
    public (StaffOrigin? Origin, StaffRefusal? Refusal) CheckChannel(IActivity activity)
    {
        if (ConversationScope.IsPatientConversation(activity))
        {
            return (null, StaffRefusal.PatientConversation);
        }

        if (!string.Equals(activity.ChannelId, Microsoft.Bot.Connector.Channels.Msteams, StringComparison.Ordinal))
        {
            return (null, StaffRefusal.NotTeams);
        }

        if (ConfiguredTenant is not { } tenant)
        {
            return (null, StaffRefusal.NoTenantConfigured);
        }

        var data = ReadChannelData(activity);
        if (data?.Tenant?.Id is not { } activityTenant || !string.Equals(activityTenant, tenant, StringComparison.OrdinalIgnoreCase))
        {
            return (null, StaffRefusal.WrongTenant);
        }

        if (data.Team?.Id is not { Length: > 0 } teamId || data.Channel?.Id is not { Length: > 0 } channelId)
        {
            return (null, StaffRefusal.NotTeamChannel);
        }

        var from = activity.From;
        var userId = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id ?? "";
        return (new StaffOrigin(activityTenant, teamId, channelId, activity.ServiceUrl ?? "", userId, CardText.FirstName(from?.Name), from?.Id), null);
    }

    /// <summary>The person's role from the settings; everyone else in a bound team is a queue member.</summary>
    public StaffRole RoleOf(IActivity activity) =>
        IsAdmin(activity) ? StaffRole.Admin
        : activity.From?.AadObjectId is { Length: > 0 } aad && handoff.Value.LeadUserObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase) ? StaffRole.QueueLead
        : StaffRole.QueueMember;

    public bool IsAdmin(IActivity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad && handoff.Value.AdminUserObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// May this person bind <paramref name="queue"/> here? On top of <see cref="CheckChannel"/>: a standard channel
    /// (a bot cannot post in private or shared ones); in a configured bot an allow-listed team or a queue admin (with
    /// neither configured, nobody: any team in the tenant could otherwise take the queue and open its cases); and a
    /// queue bound elsewhere moves only for an admin, or after "move queue" in its bound channel (the permit is used up
    /// here). Local mode binds freely. Returns the binding it would replace.
    /// </summary>
    public async Task<(StaffOrigin? Origin, StaffRefusal? Refusal, QueueBinding? Current)> CheckBindingAsync(IActivity activity, string queue, CancellationToken cancellationToken)
    {
        var (origin, refusal) = CheckChannel(activity);
        if (origin is null)
        {
            return (null, refusal, null);
        }

        if (ReadChannelData(activity)?.Channel?.Type is { Length: > 0 } type && !string.Equals(type, "standard", StringComparison.OrdinalIgnoreCase))
        {
            return (null, StaffRefusal.NotStandardChannel, null);
        }

        var options = handoff.Value;
        var admin = IsAdmin(activity);
        var configured = !auth.Value.IsLocalMode;
        if (configured && options.AllowedTeamIds.Count == 0 && options.AdminUserObjectIds.Count == 0)
        {
            return (null, StaffRefusal.BindingNotConfigured, null);
        }

        if (!admin)
        {
            var teamAllowed = options.AllowedTeamIds.Count == 0
                ? !configured
                : options.AllowedTeamIds.Contains(origin.TeamId, StringComparer.OrdinalIgnoreCase);
            var userAllowed = options.AllowedUserObjectIds.Count == 0
                || (activity.From?.AadObjectId is { } aad && options.AllowedUserObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase));
            if (!teamAllowed || !userAllowed)
            {
                return (null, StaffRefusal.NotAllowListed, null);
            }
        }

        var current = await bindings.FindAsync(queue, cancellationToken);
        var elsewhere = current is not null && !IsChannel(current, origin);
        if (elsewhere && !admin && !await bindings.TakeMoveAsync(queue, clock.GetUtcNow(), cancellationToken))
        {
            return (null, StaffRefusal.QueueBoundElsewhere.With(("queue", queue)), current);
        }

        return (origin, null, current);
    }

    /// <summary>
    /// May this person let <paramref name="queue"/> move away? Only from the channel it is bound to (or as an admin
    /// anywhere in the tenant). The caller checks the roster too.
    /// </summary>
    public async Task<(StaffOrigin? Origin, StaffRefusal? Refusal)> CheckMoveAsync(IActivity activity, string queue, CancellationToken cancellationToken)
    {
        var (origin, refusal) = CheckChannel(activity);
        if (origin is null)
        {
            return (null, refusal);
        }

        var current = await bindings.FindAsync(queue, cancellationToken);
        if (current is null || (!IsChannel(current, origin) && !IsAdmin(activity)))
        {
            return (null, StaffRefusal.MoveNotBound.With(("queue", queue), ("queueName", text.QueueInSentence(queue))));
        }

        return (origin, null);
    }

    private static bool IsChannel(QueueBinding binding, StaffOrigin origin) =>
        string.Equals(binding.TenantId, origin.TenantId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(binding.TeamId, origin.TeamId, StringComparison.Ordinal)
        && string.Equals(binding.ChannelId, origin.ChannelId, StringComparison.Ordinal);

    /// <summary>May this request act on a case of <paramref name="queue"/>? Only from the channel that queue is bound to.</summary>
    public async Task<(StaffOrigin? Origin, StaffRefusal? Refusal)> CheckQueueAsync(IActivity activity, string queue, CancellationToken cancellationToken)
    {
        var (origin, refusal) = CheckChannel(activity);
        if (origin is null)
        {
            return (null, refusal);
        }

        var binding = await bindings.FindAsync(queue, cancellationToken);
        return binding is not null && IsChannel(binding, origin) ? (origin, null) : (null, StaffRefusal.NotBoundChannel);
    }

    private static TeamsChannelData? ReadChannelData(IActivity activity)
    {
        try
        {
            return activity.GetChannelData<TeamsChannelData>();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
