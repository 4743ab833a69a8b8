using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using SecondOpinionBot.Content;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Messages;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Options;

namespace SecondOpinionBot.Staff.LocalStaff;

/// <summary>
/// /staff in local mode: a small server-rendered page to work cases without Teams, through the same handlers and role
/// table as the card actions, dialogs and channel commands (claim, resolve, take over, assign, unassign, transfer with
/// a handover note, reopen, notes, messages), with the waiting time and "Overdue by …" of the queue's service level. Mapped only in local mode; every
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
        builder.Services.AddSingleton<LocalStaffPage>();
        builder.Services.AddSingleton<LocalStaffActions>();
        return builder;
    }

    public static WebApplication MapLocalStaffPage(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value;
        if (!auth.IsLocalMode)
        {
            return app;
        }

        var group = app.MapGroup(Route).AddEndpointFilter(async (context, next) =>
            IsLocalRequest(context.HttpContext) ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden));
        group.MapGet("/", ListAsync);
        group.MapGet("/cases/{reference}", DetailsAsync);
        group.MapPost("/persona", ChoosePersonaAsync);
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

    private static async Task<IResult> ListAsync(HttpContext context, ICaseStore cases, IAntiforgery antiforgery, LocalStaffPage page, StaffText text, CancellationToken cancellationToken)
    {
        var open = new List<CaseRecord>();
        foreach (var queue in new[] { QueueNames.SocialWork, QueueNames.CareCoordination })
        {
            open.AddRange(await cases.ListOpenAsync(queue, cancellationToken));
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html(context, await page.ListAsync(open, Persona(context), tokens.RequestToken!, Notice(context, text), cancellationToken));
    }

    private static async Task<IResult> DetailsAsync(
        string reference, HttpContext context, ICaseStore cases, ICaseMessageStore messages, IAntiforgery antiforgery, LocalStaffPage page, StaffText text,
        IOptions<HandoffOptions> handoff, CancellationToken cancellationToken)
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

        // The Teams Details dialog's rule (Handoff:DetailsAssigneeOnly), from the same table.
        var own = record.Status == CaseStatus.Claimed && record.AssigneeId == persona.Id;
        if (!StaffRoles.Allows(persona.Role, own ? StaffAbility.ViewDetailsOfOwnCase : StaffAbility.ViewDetailsOfAnyCase, handoff.Value.DetailsAssigneeOnly))
        {
            return Results.Redirect($"{Route}/?notice={Uri.EscapeDataString(text.Of(StaffRefusal.DetailsAssigneeOnly))}");
        }

        await cases.AppendAuditAsync(record.Reference, persona.Id, "details-viewed", "via=local-staff-page", cancellationToken);
        var history = await messages.ListAsync(record.Id, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html(context, await page.DetailsAsync(record, history, persona, tokens.RequestToken!, Notice(context, text), cancellationToken));
    }

    /// <summary>"Act as": remembers the persona for this browser (a cookie), so each form starts with it chosen.</summary>
    private static async Task<IResult> ChoosePersonaAsync(HttpContext context, IAntiforgery antiforgery, StaffText text, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest(text.Get(StaffMessageKeys.LocalPageStaleForm));
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (LocalStaffPersonas.Find(form["persona"]) is not { } chosen)
        {
            return Results.Redirect($"{Route}/?notice=persona");
        }

        context.Response.Cookies.Append(PersonaCookie, chosen.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = Route });
        return Results.Redirect($"{Route}/");
    }

    private static async Task<IResult> ActAsync(
        string reference, string action, HttpContext context, IAntiforgery antiforgery, LocalStaffActions actions, ICaseStore cases, StaffText text, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest(text.Get(StaffMessageKeys.LocalPageStaleForm));
        }

        if (LocalStaffActions.AbilityOf(action) is null)
        {
            return Results.NotFound();
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

        var note = await actions.ActAsync(persona, record, action, form, cancellationToken) ?? text.Get(StaffMessageKeys.LocalPageNothingChanged);
        return Results.Redirect($"{Route}/cases/{Uri.EscapeDataString(record.Reference)}?notice={Uri.EscapeDataString(note)}");
    }

    private static LocalStaffPersonas.Persona? Persona(HttpContext context) => LocalStaffPersonas.Find(context.Request.Cookies[PersonaCookie]);

    private static string? Notice(HttpContext context, StaffText text) => context.Request.Query["notice"].ToString() switch
    {
        "" => null,
        "unknown" => text.Get(StaffMessageKeys.LocalPageUnknownCase),
        "persona" => text.Get(StaffMessageKeys.LocalPageChoosePersona),
        var given => given.Length <= 300 ? given : given[..300],
    };

    private static IResult Html(HttpContext context, string html)
    {
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
