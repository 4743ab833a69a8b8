using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>Issues and checks server-signed tokens: base64url(payload) "." base64url(HMAC-SHA256).</summary>
public sealed class DirectLineTokenService(DirectLineSigningKey signingKey, IOptions<DirectLineOptions> options, TimeProvider time)
{
    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public async Task<string> IssueAsync(string userId, string conversationId, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(userId, conversationId, expires), TokenJsonContext.Default.TokenPayload);
        var body = Base64Url.EncodeToString(payload);
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(await signingKey.GetAsync(cancellationToken), System.Text.Encoding.ASCII.GetBytes(body)));
        return body + "." + signature;
    }

    /// <summary>The claims of a well-signed, unexpired token; null for anything else.</summary>
    public async Task<DirectLineTokenClaims?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Base64Url.IsValid(token.AsSpan(0, dot)) || !Base64Url.IsValid(token.AsSpan(dot + 1)))
        {
            return null;
        }

        var body = token[..dot];
        var expected = HMACSHA256.HashData(await signingKey.GetAsync(cancellationToken), System.Text.Encoding.ASCII.GetBytes(body));
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(token.AsSpan(dot + 1))))
        {
            return null;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(body), TokenJsonContext.Default.TokenPayload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (payload is null || string.IsNullOrEmpty(payload.UserId) || string.IsNullOrEmpty(payload.ConversationId))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt);
        return expiresAt <= time.GetUtcNow() ? null : new DirectLineTokenClaims(payload.UserId, payload.ConversationId, expiresAt);
    }

    internal sealed record TokenPayload(
        [property: JsonPropertyName("u")] string UserId,
        [property: JsonPropertyName("c")] string ConversationId,
        [property: JsonPropertyName("exp")] long ExpiresAt);
}

[JsonSerializable(typeof(DirectLineTokenService.TokenPayload))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
