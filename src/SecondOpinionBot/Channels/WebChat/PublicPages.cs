namespace SecondOpinionBot.Channels.WebChat;

/// <summary>The privacy notice and terms the Teams app links to (https://host/privacy and /terms).</summary>
public static class PublicPages
{
    public static WebApplication MapPublicPages(this WebApplication app)
    {
        foreach (var page in new[] { "privacy", "terms" })
        {
            app.MapGet("/" + page, (IWebHostEnvironment environment) =>
                Results.File(environment.WebRootFileProvider.GetFileInfo(page + ".html").CreateReadStream(), "text/html; charset=utf-8"));
        }

        return app;
    }
}
