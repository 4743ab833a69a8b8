using System.Net;
using SecondOpinionBot.Bot;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

public sealed class LocalModeTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("http://10.0.0.5:3978/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task A_reply_address_off_this_machine_is_refused_and_nothing_is_sent(string serviceUrl)
    {
        await using var factory = new BotAppFactory();

        var response = await factory.CreateClient().PostAsync(Activities.Message(serviceUrl, "hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("loopback", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Local_mode_refuses_to_start_in_production()
    {
        using var factory = new BotAppFactory(environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("development only", Flatten(error));
    }

    [Fact]
    public void Local_mode_refuses_to_listen_on_all_interfaces()
    {
        using var factory = new BotAppFactory(new() { ["urls"] = "http://0.0.0.0:3978" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("this machine only", Flatten(error));
    }

    [Theory]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://127.0.0.1:5000/v3/directline/", true)]
    [InlineData("http://[::1]:80/", true)]
    [InlineData("http://localhost.attacker.example/", false)]
    [InlineData("http://127.0.0.1.nip.io/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    public void Loopback_detection_is_strict(string url, bool expected) =>
        Assert.Equal(expected, LocalMode.IsLoopbackUrl(url));

    [Fact]
    public void A_configured_bot_with_the_secret_id_instead_of_its_value_fails_at_startup_with_a_hint()
    {
        using var factory = new BotAppFactory(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            ["MicrosoftAppTenantId"] = "66666666-7777-8888-9999-000000000000",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("secret's ID", Flatten(error));
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
