using System.Text;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>A shared computer: the resume secret has a limited life, and "forget this device" ends it at once.</summary>
public sealed class WebChatForgetDeviceTests
{
    private static async Task<JObject> PageTokenAsync(HttpClient http, string body)
    {
        using var response = await http.PostAsync("/api/webchat/token", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Resume(JObject session) => new JObject { ["conversationId"] = session["conversationId"], ["resumeSecret"] = session["resumeSecret"] }.ToString();

    [Fact]
    public async Task After_forget_this_device_the_old_secret_opens_a_new_conversation()
    {
        using var factory = new DirectLineAppFactory();
        var http = factory.CreateClient();
        var first = await PageTokenAsync(http, "{}");

        using var forgot = await http.PostAsync("/api/webchat/forget", new StringContent(Resume(first), Encoding.UTF8, "application/json"));
        var back = await PageTokenAsync(http, Resume(first));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, forgot.StatusCode);
        Assert.NotEqual((string?)first["conversationId"], (string?)back["conversationId"]);
        Assert.NotEqual((string?)first["userId"], (string?)back["userId"]);
    }

    [Fact]
    public async Task A_wrong_secret_cannot_make_someone_else_forget_and_gets_the_same_answer()
    {
        using var factory = new DirectLineAppFactory();
        var http = factory.CreateClient();
        var first = await PageTokenAsync(http, "{}");

        using var forged = await http.PostAsync("/api/webchat/forget", new StringContent(new JObject { ["conversationId"] = first["conversationId"], ["resumeSecret"] = "guessed" }.ToString(), Encoding.UTF8, "application/json"));
        var back = await PageTokenAsync(http, Resume(first));

        Assert.Equal(System.Net.HttpStatusCode.NoContent, forged.StatusCode);
        Assert.Equal((string?)first["conversationId"], (string?)back["conversationId"]);
    }

    [Fact]
    public async Task The_resume_secret_stops_working_after_its_lifetime()
    {
        using var factory = new DirectLineAppFactory();
        var http = factory.CreateClient();
        var first = await PageTokenAsync(http, "{}");

        factory.Time.Advance(TimeSpan.FromDays(6));
        var withinLife = await PageTokenAsync(http, Resume(first));
        factory.Time.Advance(TimeSpan.FromDays(2));
        var afterLife = await PageTokenAsync(http, Resume(first));

        Assert.Equal((string?)first["conversationId"], (string?)withinLife["conversationId"]);
        Assert.NotEqual((string?)first["conversationId"], (string?)afterLife["conversationId"]);
    }

    [Fact]
    public async Task The_page_offers_forget_this_device()
    {
        using var factory = new DirectLineAppFactory();
        var page = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains("id=\"forget-device\"", page);
        Assert.True(Wording.Says(System.Net.WebUtility.HtmlDecode(page), MessageKeys.WebChatForgetDevice), page);
    }
}
