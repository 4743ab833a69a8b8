using Newtonsoft.Json.Linq;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// A whole journey with made-up personal values, through /api/messages, with every log line of every category captured
/// at Trace (ASP.NET Core's request logs and HttpClient's included): none of the values may appear anywhere.
/// </summary>
public sealed class JourneyLogScanTests
{
    [Fact]
    public async Task A_whole_journey_with_sentinel_values_logs_none_of_them()
    {
        var logs = LogCapture.Everything();
        var factory = new BotAppFactory(new() { ["PrepSheets:PublicBaseUrl"] = "https://bot.example.org" }, logs.AttachTo);
        await using var chat = await JourneyChat.StartAsync(factory: factory);

        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync(new ScriptedAnswers { Caregiver = true }))!;
        Assert.Contains(Sentinels.Name, card.ToString(), StringComparison.Ordinal);
        await chat.SubmitAsync(AnsweringScript.EditPayload(card, "situation"));
        await chat.SayAsync($"Still {Sentinels.Diagnosis}, call me at {Sentinels.Phone} or {Sentinels.Email}");
        card = AnsweringScript.SummaryCard(await FinishSituationAsync(chat))!;
        var sent = await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var link = sent.Activities.SelectMany(a => a["attachments"] as JArray ?? [])
            .SelectMany(a => a["content"]?["buttons"] as JArray ?? []).Single()["value"]!.ToString();
        using var browser = factory.CreateClient();
        (await browser.GetAsync(new Uri(link).PathAndQuery)).EnsureSuccessStatusCode();
        await chat.SayAsync("status");
        await chat.SayAsync("what do you know about me");
        await chat.SayAsync("delete my data");
        await chat.SayAsync("yes");

        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        // The link token is kept out of request logs by filters (PrepSheetEndpointTests); this scan bypasses filters.
        logs.AssertNoneContain(Sentinels.All);
    }

    [Fact]
    public async Task Web_chat_over_the_local_direct_line_logs_none_of_them()
    {
        var logs = LogCapture.Everything();
        await using var factory = new BotAppFactory(services: services =>
        {
            WebChatPatient.InMemory(services);
            logs.AttachTo(services);
        });
        var patient = await WebChatPatient.OpenAsync(factory);

        await patient.SayAsync("hi");
        await patient.SayAsync("Yes, save my answers");
        await patient.SayAsync("I'm helping someone");
        await patient.SayAsync(Sentinels.Name);
        await patient.SayAsync("Parent");
        await patient.SayAsync("yes");
        var asked = await patient.SayAsync($"{Sentinels.Diagnosis}, reach me at {Sentinels.Email} or {Sentinels.Phone}");
        await patient.SayAsync("what do you know about me");

        Assert.True(asked.Says(MessageKeys.SituationProposed), asked.AllText);
        Assert.Contains(logs.Entries, e => e.Category.Contains("DirectLine", StringComparison.Ordinal) || e.Message.Contains("/v3/directline", StringComparison.Ordinal));
        logs.AssertNoneContain(Sentinels.All);
    }

    private static async Task<BotTurn> FinishSituationAsync(JourneyChat chat)
    {
        await chat.SayAsync("A treatment or medicine");
        await chat.SayAsync($"A drug for {Sentinels.Diagnosis}");
        await chat.SayAsync("no");
        await chat.SayAsync("Riverside Clinic");
        return await chat.SayAsync("About the same");
    }
}
