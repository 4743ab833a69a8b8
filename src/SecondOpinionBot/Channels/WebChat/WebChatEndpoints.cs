using Microsoft.Extensions.Options;
using SecondOpinionBot.Channels.DirectLine;
using SecondOpinionBot.Content;

namespace SecondOpinionBot.Channels.WebChat;

/// <summary>The web chat page (wwwroot) and its token endpoint: local Direct Line in local mode, Azure Direct Line in production.</summary>
public static partial class WebChatEndpoints
{
    public const string TokenRoute = "/api/webchat/token";

    /// <summary>"Forget this device": the browser's resume secret stops working (the page also clears it).</summary>
    public const string ForgetRoute = "/api/webchat/forget";

    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AzureDirectLineTokenClient>();
        builder.Services.AddHttpClient(AzureDirectLineTokenClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        return builder;
    }

    public static WebApplication MapWebChat(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapGet("/", (HttpContext context, ContentCatalogs content) => Results.Content(WebChatPage.Render(PageLanguage.For(context, content)), "text/html; charset=utf-8"));
        app.MapPost(TokenRoute, IssueTokenAsync);
        app.MapPost(ForgetRoute, ForgetAsync);
        return app;
    }

    /// <summary>The page sends at most a conversation id and a resume secret; anything longer is refused unread.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    private static async Task<IResult> IssueTokenAsync(
        HttpRequest request, IOptions<DirectLineOptions> options, IConfiguration configuration,
        AzureDirectLineTokenClient azure, DirectLineSessions sessions, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await Channels.LimitedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem("The request body is larger than 4 KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var resume = ReadResume(body);
        var settings = options.Value;
        if (settings.UsesAzureDirectLine)
        {
            try
            {
                return Results.Json(await azure.GenerateAsync(cancellationToken));
            }
            catch (HttpRequestException exception)
            {
                LogAzureExchangeFailed(loggers.CreateLogger(typeof(WebChatEndpoints).FullName!), exception, (int?)exception.StatusCode);
                return Results.Problem("Web chat is unavailable right now. Please try again in a few minutes.", statusCode: StatusCodes.Status502BadGateway);
            }
        }

        if (!settings.IsLocalEndpointEnabled(configuration))
        {
            return Results.Problem("Web chat is not configured on this server.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var session = resume is { ConversationId.Length: > 0, ResumeSecret.Length: > 0 }
            ? await sessions.ResumeAsync(resume.ConversationId, resume.ResumeSecret, cancellationToken)
            : null;
        session ??= await sessions.OpenAsync(resumable: true, cancellationToken);

        var domain = $"{request.Scheme}://{request.Host}{request.PathBase}{DirectLineHostExtensions.RoutePrefix}";
        return Results.Json(new WebChatSession(domain, session.ConversationId, session.Token, session.UserId, session.ExpiresIn, session.ResumeSecret));
    }

    private static async Task<IResult> ForgetAsync(HttpRequest request, DirectLineSessions sessions, CancellationToken cancellationToken)
    {
        var body = await Channels.LimitedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem("The request body is larger than 4 KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // The same answer whether or not the secret matched, so the endpoint tells nobody which conversations exist.
        if (ReadResume(body) is { ConversationId.Length: > 0, ResumeSecret.Length: > 0 } resume)
        {
            await sessions.ForgetAsync(resume.ConversationId, resume.ResumeSecret, cancellationToken);
        }

        return Results.NoContent();
    }

    /// <summary>The resume request in the body; an empty or unreadable body means "a new conversation".</summary>
    private static WebChatResumeRequest? ReadResume(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<WebChatResumeRequest>(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Direct Line token exchange failed with status {StatusCode}")]
    private static partial void LogAzureExchangeFailed(ILogger logger, Exception exception, int? statusCode);
}
