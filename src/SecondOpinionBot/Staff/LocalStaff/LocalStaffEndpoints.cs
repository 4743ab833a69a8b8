using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Staff.LocalStaff;

/// <summary>
/// /staff in local mode: a small server-rendered page to work cases without Teams, through the same handlers as the
/// card actions (Claim, Resolve, Take over) and dialogs (Details, Message patient). Mapped only in local mode; every
/// request must come from this machine with a loopback Host header (no DNS rebinding), and every form carries an
/// anti-forgery token, so another web page open in the same browser cannot drive it.
/// </summary>
public static class LocalStaffEndpoints
{
    public const string Route = "/staff";
    private const string PersonaCookie = "so-staff-persona";

    public static WebApplicationBuilder AddLocalStaffPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "so-staff-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "af";
        });
        return builder;
    }

    public static WebApplication MapLocalStaffPage(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotAuthOptions>>().Value;
        if (!auth.IsLocalMode)
        {
            return app;
        }

        var group = app.MapGroup(Route).AddEndpointFilter(async (context, next) =>
            IsLocalRequest(context.HttpContext) ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden));
        group.MapGet("/", ListAsync);
        group.MapGet("/cases/{reference}", DetailsAsync);
        group.MapPost("/cases/{reference}/{action}", ActAsync);
        return app;
    }

    /// <summary>From this machine, to a loopback Host name: a page on another site cannot reach it by renaming itself.</summary>
    internal static bool IsLocalRequest(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        var host = context.Request.Host.Host.Trim('[', ']');
        var hostIsLoopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        return (remote is null || IPAddress.IsLoopback(remote)) && hostIsLoopback;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ICaseStore cases, IAntiforgery antiforgery, TimeProvider clock, CancellationToken cancellationToken)
    {
        var open = new List<CaseRecord>();
        foreach (var queue in new[] { QueueNames.SocialWork, QueueNames.CareCoordination })
        {
            open.AddRange(await cases.ListOpenAsync(queue, cancellationToken));
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html(context, LocalStaffPage.List(open, Persona(context), tokens.RequestToken!, clock.GetUtcNow(), Notice(context)));
    }

    private static async Task<IResult> DetailsAsync(string reference, HttpContext context, ICaseStore cases, ICaseMessageStore messages, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var persona = Persona(context);
        if (await cases.FindAsync(reference, cancellationToken) is not { } record)
        {
            return Results.Redirect($"{Route}/?notice=unknown");
        }

        if (persona is null)
        {
            return Results.Redirect($"{Route}/?notice=persona");
        }

        await cases.AppendAuditAsync(record.Reference, persona.Id, "details-viewed", "via=local-staff-page", cancellationToken);
        var history = await messages.ListAsync(record.Id, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html(context, LocalStaffPage.Details(record, history, persona, tokens.RequestToken!, Notice(context)));
    }

    private static async Task<IResult> ActAsync(
        string reference, string action, HttpContext context, IAntiforgery antiforgery, StaffCaseActions actions, StaffCaseWork work, ICaseStore cases, StaffText text, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest("This form is out of date or did not come from this page. Reload the staff page and try again.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var chosen = LocalStaffPersonas.Find(form["persona"]);
        if (chosen is not null)
        {
            context.Response.Cookies.Append(PersonaCookie, chosen.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = Route });
        }

        var persona = chosen ?? Persona(context);
        if (persona is null)
        {
            return Results.Redirect($"{Route}/?notice=persona");
        }

        if (await cases.FindAsync(reference, cancellationToken) is not { } record)
        {
            return Results.Redirect($"{Route}/?notice=unknown");
        }

        var origin = new StaffOrigin("local", "local-team", "local-staff-page", "", persona.Id, persona.Name.Split(' ')[0]);
        string note;
        switch (action)
        {
            case "claim" or "resolve" or "takeover":
                var verb = action switch { "claim" => CaseActionPayload.ClaimVerb, "resolve" => CaseActionPayload.ResolveVerb, _ => CaseActionPayload.TakeOverVerb };
                var version = int.TryParse(form["version"], out var v) ? v : -1;
                var payload = new CaseActionPayload(verb, record.Reference, version, string.IsNullOrWhiteSpace(form["outcome"]) ? null : form["outcome"].ToString());
                var result = await actions.ActAsync(origin, record, payload, cancellationToken);
                note = result.Note ?? (result.Changed ? "Done." : "Nothing changed.");
                break;
            case "message":
                if (record.Status != CaseStatus.Claimed || record.AssigneeId != persona.Id)
                {
                    note = text.Of(StaffRefusal.MessageNotAssignee);
                    break;
                }

                var sent = await work.SendToPatientAsync(record, new CaseActor(persona.Id, origin.DisplayName), form["message"], cancellationToken);
                note = sent.Problem ?? sent.Note!;
                break;
            default:
                return Results.NotFound();
        }

        return Results.Redirect($"{Route}/cases/{Uri.EscapeDataString(record.Reference)}?notice={Uri.EscapeDataString(note)}");
    }

    private static LocalStaffPersonas.Persona? Persona(HttpContext context) => LocalStaffPersonas.Find(context.Request.Cookies[PersonaCookie]);

    private static string? Notice(HttpContext context) => context.Request.Query["notice"].ToString() switch
    {
        "" => null,
        "unknown" => "There is no such case.",
        "persona" => "Choose who you are acting as first.",
        var text => text.Length <= 300 ? text : text[..300],
    };

    private static IResult Html(HttpContext context, string html)
    {
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
