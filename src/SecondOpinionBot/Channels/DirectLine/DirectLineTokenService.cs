using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>
/// Issues and checks server-signed tokens (HS256 JWTs). Like Azure's Direct Line tokens they carry the user id in a
/// "user" claim, which Web Chat reads instead of trusting a user id from the page; "conv" binds the conversation.
/// </summary>
public sealed class DirectLineTokenService(DirectLineSigningKey signingKey, IOptions<DirectLineOptions> options, TimeProvider time)
{
    private const string Issuer = "SecondOpinionBot.DirectLine";
    private const string UserClaim = "user";
    private const string ConversationClaim = "conv";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public async Task<string> IssueAsync(string userId, string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(Lifetime),
            Claims = new Dictionary<string, object> { [UserClaim] = userId, [ConversationClaim] = conversationId },
            SigningCredentials = new SigningCredentials(await KeyAsync(cancellationToken), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The claims of a well-signed, unexpired token; null for anything else.</summary>
    public async Task<DirectLineTokenClaims?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = await KeyAsync(cancellationToken),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            LifetimeValidator = IsCurrent,
        });
        if (!result.IsValid
            || ClaimOf(result.Claims, UserClaim) is not string { Length: > 0 } userId
            || ClaimOf(result.Claims, ConversationClaim) is not string { Length: > 0 } conversationId)
        {
            return null;
        }

        return new DirectLineTokenClaims(userId, conversationId, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
    }

    // Checked against the injected clock (not DateTime.UtcNow) and with no clock skew: one server issues and checks.
    // The server's lifetime caps every token whatever its exp says: a token must name its start (nbf), span at most the
    // configured lifetime, and end within that lifetime from now, so a token minted with a long exp is refused.
    private bool IsCurrent(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } end && notBefore is { } start
            && start <= now && end > now
            && end - start <= Lifetime && end <= now + Lifetime;
    }

    private static object? ClaimOf(IDictionary<string, object> claims, string name) => claims.TryGetValue(name, out var value) ? value : null;

    private async Task<SymmetricSecurityKey> KeyAsync(CancellationToken cancellationToken) => new(await signingKey.GetAsync(cancellationToken));
}
