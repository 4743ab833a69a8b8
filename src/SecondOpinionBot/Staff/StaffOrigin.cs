namespace SecondOpinionBot.Staff;

/// <summary>Where a staff request came from, as Teams states it in the activity (channel data and the sender).</summary>
/// <param name="UserId">The sender's Entra object id (or channel user id without one): what cases and the audit record.</param>
/// <param name="TeamsUserId">The sender's Teams user id (29:…), for per-user card views and personal notices.</param>
public sealed record StaffOrigin(string TenantId, string TeamId, string ChannelId, string ServiceUrl, string UserId, string DisplayName, string? TeamsUserId = null);
