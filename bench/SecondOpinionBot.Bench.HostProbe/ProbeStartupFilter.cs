using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SecondOpinionBot.Bench.HostProbe;

/// <summary>
/// /bench/heap: live managed heap after a full blocking GC. /bench/jit: methods compiled and time spent compiling so
/// far (to warm up until tiered compilation has settled). /bench/emergency?n=: times the host's own emergency
/// check on n patient-like messages, inside the loaded process. /bench/lease?n=: the turn lease acquired and released. In echo mode, /api/messages runs through the host's
/// own pipeline and endpoint (rate limits, edge checks, authentication, the adapter with its middleware) and only the
/// IBot it resolves is <see cref="StateEchoBot"/>.
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
            if (EchoMode && path.Equals("/api/messages", StringComparison.Ordinal))
            {
                // The request goes through the host's whole pipeline and endpoint; only the bot it resolves is the echo.
                context.RequestServices = new EchoBotServices(context.RequestServices);
                await nextMiddleware(context);
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

            if (path.Equals("/bench/jit", StringComparison.Ordinal))
            {
                // Every compilation in the process so far, tier-up rejits on the background thread included.
                await context.Response.WriteAsJsonAsync(new
                {
                    compiledMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false),
                    compilationMilliseconds = System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds,
                });
                return;
            }

            if (path.Equals("/bench/emergency", StringComparison.Ordinal))
            {
                var n = int.TryParse(context.Request.Query["n"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, 10_000) : 100;
                var micros = context.RequestServices.GetRequiredService<EmergencyProbe>().Time(n);
                await context.Response.WriteAsJsonAsync(new { micros });
                return;
            }

            if (path.Equals("/bench/lease", StringComparison.Ordinal))
            {
                var n = int.TryParse(context.Request.Query["n"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, 1_000) : 10;
                var micros = await context.RequestServices.GetRequiredService<LeaseProbe>().TimeAsync(n, context.RequestAborted);
                await context.Response.WriteAsJsonAsync(new { micros });
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        next(app);
    };
}
