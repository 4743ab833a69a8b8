using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Bot;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Bench.HostProbe;

/// <summary>
/// /bench/heap: live managed heap after a full blocking GC. /bench/emergency?n=: times the host's own emergency
/// check on n patient-like messages, inside the loaded process. In echo mode, POST /api/messages runs the host's own
/// endpoint code (edge checks, authentication, adapter with its middleware) with <see cref="StateEchoBot"/>.
/// </summary>
internal sealed class ProbeStartupFilter : IStartupFilter
{
    private static readonly bool EchoMode =
        string.Equals(Environment.GetEnvironmentVariable(ProbeHostingStartup.BotVariable), "echo", StringComparison.OrdinalIgnoreCase);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var path = context.Request.Path;
            if (EchoMode && HttpMethods.IsPost(context.Request.Method) && path.Equals("/api/messages", StringComparison.Ordinal))
            {
                var services = context.RequestServices;
                var result = await MessagesEndpoint.HandleAsync(
                    context.Request, services.GetRequiredService<BotAdapter>(), services.GetRequiredService<StateEchoBot>(),
                    services.GetRequiredService<IOptions<BotAuthOptions>>(), context.RequestAborted);
                await result.ExecuteAsync(context);
                return;
            }

            if (!path.StartsWithSegments("/bench", StringComparison.Ordinal))
            {
                await nextMiddleware(context);
                return;
            }

            if (path.Equals("/bench/heap", StringComparison.Ordinal))
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                await context.Response.WriteAsJsonAsync(new { liveHeapBytes = GC.GetTotalMemory(forceFullCollection: false) });
                return;
            }

            if (path.Equals("/bench/emergency", StringComparison.Ordinal))
            {
                var n = int.TryParse(context.Request.Query["n"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, 10_000) : 100;
                var micros = context.RequestServices.GetRequiredService<EmergencyProbe>().Time(n);
                await context.Response.WriteAsJsonAsync(new { micros });
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        next(app);
    };
}
