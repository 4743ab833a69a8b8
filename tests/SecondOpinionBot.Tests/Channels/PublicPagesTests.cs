using System.Net;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Channels;

/// <summary>The Teams app package links to these pages; they must exist and say the essentials plainly.</summary>
public sealed class PublicPagesTests
{
    [Theory]
    [InlineData("/privacy", "delete my data")]
    [InlineData("/terms", "not a doctor")]
    public async Task The_pages_the_manifest_links_to_are_served(string path, string essential)
    {
        await using var factory = new BotAppFactory();

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(essential, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
