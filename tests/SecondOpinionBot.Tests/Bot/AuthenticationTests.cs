using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

/// <summary>With a MicrosoftAppId configured, the SDK's own validation turns away unauthenticated requests.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private FakeBotConnector _connector = null!;
    private BotAppFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _factory = new BotAppFactory(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret-value~for-tests",
            ["MicrosoftAppTenantId"] = "66666666-7777-8888-9999-000000000000",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string?> BadAuthorizations => new()
    {
        null,
        "Bearer",
        "Bearer not.a.jwt",
        "Basic dXNlcjpwYXNz",
        "Bearer " + SignedToken(issuer: "https://attacker.example.com/", audience: AppId),
    };

    [Theory]
    [MemberData(nameof(BadAuthorizations))]
    public async Task Requests_without_a_valid_bot_framework_token_get_401_and_no_reply(string? authorization)
    {
        var activity = Activities.Message("https://smba.trafficmanager.net/teams/", "hello", channelId: "msteams");

        var response = await _factory.CreateClient().PostAsync(activity, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task A_configured_bot_accepts_non_loopback_service_urls_once_authenticated_so_the_guard_is_local_only()
    {
        // Without a token the answer is 401 (authentication), not the local-mode 403 about service URLs.
        var response = await _factory.CreateClient().PostAsync(Activities.Message("https://smba.trafficmanager.net/teams/", "hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string SignedToken(string issuer, string audience)
    {
        var key = new SymmetricSecurityKey(new byte[32]);
        var token = new JwtSecurityToken(
            issuer, audience, [new Claim("serviceurl", "https://smba.trafficmanager.net/teams/")],
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
