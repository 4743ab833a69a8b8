using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Tests.Handoff;

namespace SecondOpinionBot.Tests.Staff;

/// <summary>/staff in local mode: the same actions as the Teams card, guarded by Host, loopback and anti-forgery checks.</summary>
public sealed partial class LocalStaffPageTests : IAsyncLifetime
{
    private HandoffHost _host = null!;
    private CaseRecord _case = null!;

    public async Task InitializeAsync()
    {
        _host = await HandoffHost.StartAsync();
        _case = await _host.SubmitCaseAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [GeneratedRegex("name=\"af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private async Task<string> TokenAsync(string? path = null)
    {
        path ??= $"/staff/cases/{_case.Reference}";
        var page = await _host.Client.GetStringAsync(path);
        return WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
    }

    private async Task<HttpResponseMessage> PostAsync(string action, Dictionary<string, string> fields, string? token = null)
    {
        var form = new Dictionary<string, string>(fields) { ["af"] = token ?? await TokenAsync() };
        return await _host.Client.PostAsync($"/staff/cases/{_case.Reference}/{action}", new FormUrlEncodedContent(form));
    }

    private Task<HttpResponseMessage> ActAsync(string action, string persona, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string> { ["persona"] = persona, ["version"] = "1" };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        return PostAsync(action, fields);
    }

    [Fact]
    public async Task The_page_lists_the_open_case_with_a_claim_form_and_no_health_details()
    {
        var page = await _host.Client.GetStringAsync("/staff/");

        Assert.Contains(_case.Reference, page);
        Assert.Contains($"action=\"/staff/cases/{_case.Reference}/claim\"", page);
        Assert.DoesNotContain(Personas.MayaPhone, page);
        Assert.DoesNotContain(Personas.MayaConcern, page);
    }

    [Fact]
    public async Task Claim_Details_Message_and_Resolve_go_through_the_same_handlers_and_are_audited()
    {
        var claimed = await ActAsync("claim", "local:ana");
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var stored = await _host.CaseAsync(_case.Reference);
        Assert.Equal((CaseStatus.Claimed, "local:ana"), (stored.Status, stored.AssigneeId));

        var details = WebUtility.HtmlDecode(await _host.Client.GetStringAsync($"/staff/cases/{_case.Reference}"));
        Assert.Contains(Personas.MayaConcern, details);
        Assert.Contains(Personas.MayaPhone, details);
        Assert.Contains(Personas.MayaEmail, details);
        Assert.Contains(await _host.Cases.GetAuditAsync(_case.Reference, CancellationToken.None), a => a.Action == "details-viewed" && a.Actor == "local:ana" && a.Detail == "via=local-staff-page");

        var token = await TokenAsync($"/staff/cases/{_case.Reference}");
        (await PostAsync("message", new() { ["persona"] = "local:ana", ["version"] = "2", ["message"] = "Hello, this is Ana." }, token)).EnsureSuccessStatusCode();
        await _host.DrainAsync();
        Assert.Contains(_host.Connector.TextsIn(HandoffHost.PatientConversationId), t => t.EndsWith("Hello, this is Ana.", StringComparison.Ordinal) && t.StartsWith("From Ana, ", StringComparison.Ordinal));

        var resolved = await ActAsync("resolve", "local:ana", new() { ["version"] = "2", ["outcome"] = "support-arranged" });
        resolved.EnsureSuccessStatusCode();
        var closed = await _host.CaseAsync(_case.Reference);
        Assert.Equal((CaseStatus.Resolved, "local:ana"), (closed.Status, closed.ResolvedById));
    }

    [Fact]
    public async Task Resolve_by_another_persona_is_refused_on_the_page_too()
    {
        await ActAsync("claim", "local:ana");

        var page = await (await ActAsync("resolve", "local:ben", new() { ["version"] = "2", ["outcome"] = "support-arranged" })).Content.ReadAsStringAsync();

        Assert.Contains("Only Ana", WebUtility.HtmlDecode(page));
        Assert.Equal(CaseStatus.Claimed, (await _host.CaseAsync(_case.Reference)).Status);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_changes_nothing()
    {
        await _host.Client.GetStringAsync("/staff/");

        var response = await _host.Client.PostAsync($"/staff/cases/{_case.Reference}/claim", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "local:ana", ["version"] = "1" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CaseStatus.New, (await _host.CaseAsync(_case.Reference)).Status);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("192.168.1.20")]
    public async Task A_request_with_another_Host_is_refused(string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/");
        request.Headers.Host = hostHeader;

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_bot_has_no_staff_page()
    {
        await using var configured = await HandoffHost.StartAsync(services: HandoffHost.AsConfiguredBot);

        var response = await configured.Client.GetAsync("/staff/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
