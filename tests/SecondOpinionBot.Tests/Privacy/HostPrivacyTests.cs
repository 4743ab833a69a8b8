using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Privacy;

/// <summary>Privacy through the real host: state written by real turns is erased, and messages never reach the logs.</summary>
public sealed class HostPrivacyTests : IAsyncLifetime
{
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Delete_my_data_erases_what_real_turns_saved_for_that_user_and_conversation()
    {
        await using var factory = new BotAppFactory(services: BotAppFactory.WithBot<ProbeBot>());
        var client = factory.CreateClient();
        await client.PostAsync(Activities.Message(_connector.ServiceUrl, "remember " + Sentinels.Diagnosis, "conv-1", "user-1"));
        await client.PostAsync(Activities.Message(_connector.ServiceUrl, "step 4", "conv-1", "user-1"));
        await client.PostAsync(Activities.Message(_connector.ServiceUrl, "remember other", "conv-2", "user-2"));
        var eraser = factory.Services.GetRequiredService<IPatientDataEraser>();
        var me = new PatientIdentity("webchat", "user-1", "conv-1");
        Assert.Equal([StoredDataCategory.Answers, StoredDataCategory.ConversationPosition], (await eraser.DescribeAsync(me, CancellationToken.None)).Select(i => i.Category));

        Assert.True((await eraser.EraseAsync(me, CancellationToken.None)).Complete);

        await client.PostAsync(Activities.Message(_connector.ServiceUrl, "recall", "conv-1", "user-1"));
        await client.PostAsync(Activities.Message(_connector.ServiceUrl, "recall", "conv-2", "user-2"));
        var texts = await _connector.WaitForTextsAsync(5);
        Assert.Equal("answer=none;step=none;added=", texts[3]);
        Assert.Equal("answer=other;step=none;added=", texts[4]);
    }

    [Fact]
    public async Task Messages_full_of_personal_details_leave_no_trace_in_any_log_at_any_level()
    {
        var logs = LogCapture.Everything();
        await using var factory = new BotAppFactory(services: logs.AttachTo);
        var client = factory.CreateClient();

        foreach (var text in new[]
        {
            $"Hi, I'm {Sentinels.Name}, my mother has {Sentinels.Diagnosis}",
            $"call me on {Sentinels.Phone} or {Sentinels.Email}",
            Sentinels.Question + "?",
        })
        {
            var activity = Activities.Message(_connector.ServiceUrl, text, "conv-log", "user-log");
            activity["from"]!["name"] = Sentinels.Name + " Quobble";
            Assert.True((await client.PostAsync(activity)).IsSuccessStatusCode);
        }

        await _connector.WaitForTextsAsync(3);
        // The scan sees ASP.NET Core's own request lines, so a leak there would be caught.
        Assert.Contains(logs.Entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Message.Contains("/api/messages", StringComparison.Ordinal));
        logs.AssertNoneContain(Sentinels.All);
    }
}
