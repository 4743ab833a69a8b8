using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Channels.DirectLine;
using SecondOpinionBot.Tests.Channels;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Bot;

public sealed class LocalSafetyTests
{
    [Fact]
    public async Task A_failure_that_escapes_the_turn_answers_a_plain_500_without_exception_details()
    {
        // The bot throws, and the apology cannot be sent either (nothing listens at the serviceUrl): the failure
        // reaches the HTTP pipeline, where Development would show the developer exception page.
        await using var factory = new BotAppFactory(services: BotAppFactory.WithBot<ThrowingBot>());

        var response = await factory.CreateClient().PostAsync(Activities.Message("http://127.0.0.1:9/", "hello"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Reference", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Sentinels.Diagnosis, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_chat_token_endpoint_refuses_a_big_body()
    {
        await using var factory = new BotAppFactory();
        var big = "{\"conversationId\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";

        var response = await factory.CreateClient().PostAsync("/api/webchat/token", new StringContent(big, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_correctly_signed_token_with_a_ten_year_expiry_is_refused()
    {
        await using var factory = new DirectLineAppFactory();
        var http = factory.CreateClient();
        var session = JObject.Parse(await (await http.PostAsync("/api/webchat/token", new StringContent("{}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync());
        var key = await factory.Services.GetRequiredService<DirectLineSigningKey>().GetAsync(CancellationToken.None);
        var now = DateTime.UtcNow;
        var forged = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "SecondOpinionBot.DirectLine",
            Audience = "SecondOpinionBot.DirectLine",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddYears(10),
            Claims = new Dictionary<string, object> { ["user"] = (string)session["userId"]!, ["conv"] = (string)session["conversationId"]! },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{session["conversationId"]}/activities");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", forged);
        using var honest = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{session["conversationId"]}/activities");
        honest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)session["token"]!);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(honest)).StatusCode);
    }

    [Fact]
    public async Task The_signing_key_stored_in_the_database_cannot_mint_a_token()
    {
        await using var factory = new DirectLineAppFactory();
        var http = factory.CreateClient();
        var session = JObject.Parse(await (await http.PostAsync("/api/webchat/token", new StringContent("{}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync());
        var stored = Convert.FromBase64String(Intake.DatabaseScan.Text(factory.DatabasePath, "SELECT value FROM directline_settings WHERE name LIKE 'token_signing_key%'"));
        Assert.Equal(0, Intake.DatabaseScan.Scalar(factory.DatabasePath, "SELECT COUNT(*) FROM directline_settings WHERE name = 'token_signing_key'"));
        var now = DateTime.UtcNow;
        var minted = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "SecondOpinionBot.DirectLine",
            Audience = "SecondOpinionBot.DirectLine",
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["user"] = (string)session["userId"]!, ["conv"] = (string)session["conversationId"]! },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(stored), SecurityAlgorithms.HmacSha256),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{session["conversationId"]}/activities");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", minted);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_database_its_wal_and_shm_are_0600_in_a_0700_folder_even_with_umask_0()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Path.Combine(Path.GetTempPath(), "so-modes", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(root, "nested", "bot.db");
        var previous = Umask(0);
        try
        {
            await using var factory = new BotAppFactory(new() { ["Storage:SqlitePath"] = path });
            var response = await factory.CreateClient().PostAsync(Activities.Message("http://127.0.0.1:9/", "hello"));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                Assert.True(File.Exists(file), file);
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            _ = Umask(previous);
            Directory.Delete(root, recursive: true);
        }
    }

#pragma warning disable SYSLIB1054 // One libc call in a test; LibraryImport would need unsafe code in the test project.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
#pragma warning restore SYSLIB1054

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the patient wrote " + Sentinels.Diagnosis);
    }
}
