namespace SecondOpinionBot.Staff;

/// <summary>Where a staff request came from, as Teams states it in the activity (channel data and the sender).</summary>
public sealed record StaffOrigin(string TenantId, string TeamId, string ChannelId, string ServiceUrl, string UserId, string DisplayName);
