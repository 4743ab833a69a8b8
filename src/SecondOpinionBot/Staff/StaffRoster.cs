using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Handoff;

namespace SecondOpinionBot.Staff;

public enum RosterAnswer
{
    Member,
    NotMember,

    /// <summary>Teams could not be asked (an outage): sensitive actions are refused rather than guessed.</summary>
    Unavailable,
}

/// <summary>
/// "Staff of a queue" means members of the team its channel belongs to, as Teams' roster says
/// (TeamsInfo.GetTeamMemberAsync: GET /v3/conversations/{team}/members/{user}). Answers are kept briefly; Details and
/// Take over ask afresh, so someone removed from the team loses access at once.
/// </summary>
public sealed partial class StaffRoster(IMemoryCache cache, IOptions<HandoffOptions> options, ILogger<StaffRoster> logger)
{
    public async Task<RosterAnswer> CheckAsync(ITurnContext turn, string teamId, bool fresh, CancellationToken cancellationToken)
    {
        var userId = turn.Activity.From?.Id;
        if (string.IsNullOrEmpty(userId))
        {
            return RosterAnswer.NotMember;
        }

        var key = $"roster:{teamId}:{userId}";
        if (!fresh && cache.TryGetValue(key, out RosterAnswer cached))
        {
            return cached;
        }

        RosterAnswer answer;
        try
        {
            var member = await TeamsInfo.GetTeamMemberAsync(turn, userId, teamId, cancellationToken);
            answer = member is not null && !string.IsNullOrEmpty(member.Id) ? RosterAnswer.Member : RosterAnswer.NotMember;
        }
        catch (ErrorResponseException ex) when (ex.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            answer = RosterAnswer.NotMember;
        }
        catch (Exception ex) when (ex is ErrorResponseException or Microsoft.Rest.HttpOperationException or HttpRequestException or TaskCanceledException)
        {
            LogUnavailable(ex.GetType().Name);
            return RosterAnswer.Unavailable;
        }

        cache.Set(key, answer, options.Value.RosterCacheLifetime);
        return answer;
    }

    /// <summary>
    /// Someone else in the team, by Teams user id (29:…) or Entra object id (what the people picker returns), asked
    /// afresh: the person a case is assigned to must be a member now. Null when they are not in the team.
    /// </summary>
    public async Task<(RosterAnswer Answer, TeamsChannelAccount? Member)> FindMemberAsync(ITurnContext turn, string teamId, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 200)
        {
            return (RosterAnswer.NotMember, null);
        }

        try
        {
            var member = await TeamsInfo.GetTeamMemberAsync(turn, userId, teamId, cancellationToken);
            return member is not null && !string.IsNullOrEmpty(member.Id) ? (RosterAnswer.Member, member) : (RosterAnswer.NotMember, null);
        }
        catch (ErrorResponseException ex) when (ex.Response?.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            return (RosterAnswer.NotMember, null);
        }
        catch (Exception ex) when (ex is ErrorResponseException or Microsoft.Rest.HttpOperationException or HttpRequestException or TaskCanceledException)
        {
            LogUnavailable(ex.GetType().Name);
            return (RosterAnswer.Unavailable, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Teams roster could not be checked ({ExceptionType}); the staff action was refused.")]
    private partial void LogUnavailable(string exceptionType);
}
