using System.Security.Claims;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// The identity of turns that the local Direct Line endpoint runs in-process: anonymous (no audience or app id claims),
/// marked by an authentication type only this process creates.
/// </summary>
public static class DirectLineIdentity
{
    public const string AuthenticationType = "SecondOpinionBot.LocalDirectLine";

    public static ClaimsIdentity Create() => new([], AuthenticationType);

    public static bool IsLocalDirectLine(ClaimsIdentity? identity) => identity?.AuthenticationType == AuthenticationType;
}
