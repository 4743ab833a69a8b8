using System.Net;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Options;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Operations.Funnel;

/// <summary>
/// GET /ops?days=30: the funnel page, in local mode only and only to a caller on this machine. A configured bot has no
/// such page (404): its operators run <c>report funnel</c> next to the database, or read the metrics.
/// </summary>
public static class FunnelEndpoint
{
    public const int MaxDays = 400;

    public static void Map(WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value.IsLocalMode)
        {
            return;
        }

        app.MapGet("/ops", async (HttpContext context, BotDatabase database, IOptions<OperationsOptions> options, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (context.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
            {
                return Results.NotFound();
            }

            var days = int.TryParse(context.Request.Query["days"], out var asked) ? Math.Clamp(asked, 1, MaxDays) : 30;
            await using var connection = await database.OpenAsync(cancellationToken);
            var report = await FunnelReader.ReadAsync(connection, clock.GetUtcNow(), days, options.Value, cancellationToken);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(FunnelPage.Render(report), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
    }
}
