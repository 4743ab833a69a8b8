using System.Security.Cryptography;
using System.Text;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>A per-process secret the bot's connector client presents when posting replies back to this server.</summary>
public sealed class DirectLineConnectorKey
{
    private readonly string _value = DirectLineIds.NewSecret();

    public string Value => _value;

    public bool Matches(string? presented)
        => presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(_value));
}
