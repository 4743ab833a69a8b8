using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Staff;

/// <summary>
/// A care team member who opens a personal chat with the bot gets the staff help there (and their notices), not the
/// patient intake. Known staff: listed in the settings (admins, leads, allow-listed users), or a member of a team a
/// queue is bound to (the Teams roster, cached briefly).
/// </summary>
public sealed class StaffPersonalChat(IQueueBindingStore bindings, StaffRoster roster, IOptions<HandoffOptions> options, StaffAuthorizer authorizer, StaffText text, StaffQueueViews views)
{
    public async Task<bool> IsKnownStaffAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!string.Equals(activity.ChannelId, Microsoft.Bot.Connector.Channels.Msteams, StringComparison.Ordinal) || authorizer.ConfiguredTenant is not { } tenant)
        {
            return false;
        }

        // Only people of the care team's own tenant; the tenant comes from the activity Teams sent.
        var activityTenant = activity.Conversation?.TenantId ?? (activity.ChannelData as Newtonsoft.Json.Linq.JObject)?["tenant"]?["id"]?.ToString();
        if (!string.Equals(activityTenant, tenant, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var settings = options.Value;
        if (activity.From?.AadObjectId is { Length: > 0 } aad
            && (settings.AdminUserObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase)
                || settings.LeadUserObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase)
                || settings.AllowedUserObjectIds.Contains(aad, StringComparer.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var teamId in (await bindings.ListAllAsync(cancellationToken)).Select(b => b.TeamId).Distinct(StringComparer.Ordinal))
        {
            if (await roster.CheckAsync(turn, teamId, fresh: false, cancellationToken) == RosterAnswer.Member)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"my cases" lists every open case the person has, across queues; anything else gets the staff help.</summary>
    public async Task SendHelpAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From;
        if (turn.Activity.Type == ActivityTypes.Message && StaffQueueViews.IsMyCases(turn.Activity.Text)
            && (from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id) is { Length: > 0 } me)
        {
            await turn.SendActivityAsync(await views.MyCasesAsync(me, cancellationToken), cancellationToken: cancellationToken);
            return;
        }

        await HelpAsync(turn, cancellationToken);
    }

    private Task<ResourceResponse> HelpAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var name = CardText.FirstName(turn.Activity.From?.Name) is { Length: > 0 } first ? first : text.Get(Content.StaffMessageKeys.PersonalChatSomeone);
        return turn.SendActivityAsync(text.Get(Content.StaffMessageKeys.PersonalChatHelp, ("firstName", name)), cancellationToken: cancellationToken);
    }
}
