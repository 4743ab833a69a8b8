using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Handoff.Outbox;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Handoff;

/// <summary>
/// The real host with a fake Bot Connector, a fake clock, the outbox worker off (tests drain it with
/// <see cref="DrainAsync"/>), the operations monitor off, and the care team's tenant configured.
/// </summary>
public sealed class HandoffHost : IAsyncDisposable
{
    public const string PatientConversationId = "patient-conv-webchat";

    private readonly bool _ownsConnector;

    private HandoffHost(FakeBotConnector connector, BotAppFactory factory, FakeTimeProvider clock, bool ownsConnector)
    {
        Connector = connector;
        Factory = factory;
        Clock = clock;
        Client = factory.CreateClient();
        _ownsConnector = ownsConnector;
    }

    public FakeBotConnector Connector { get; }

    public BotAppFactory Factory { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public string ServiceUrl => Connector.ServiceUrl;

    public ICaseStore Cases => Factory.Services.GetRequiredService<ICaseStore>();

    public IOutbox Outbox => Factory.Services.GetRequiredService<IOutbox>();

    public OutboxProcessor Processor => Factory.Services.GetRequiredService<OutboxProcessor>();

    public FakeLogCollector Logs => Factory.Services.GetFakeLogCollector();

    public static async Task<HandoffHost> StartAsync(
        Dictionary<string, string?>? settings = null, string? databasePath = null, FakeBotConnector? connector = null, FakeTimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var ownsConnector = connector is null;
        connector ??= await FakeBotConnector.StartAsync();
        foreach (var member in new[] { TeamsActivities.Ana, TeamsActivities.Ben })
        {
            connector.AddTeamMember(TeamsActivities.Team, "29:" + member.AadObjectId, member.AadObjectId, member.Name);
        }

        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string?>
        {
            ["Handoff:TenantId"] = TeamsActivities.Tenant,
            ["Handoff:Outbox:RunWorker"] = "false",
            // Advancing the fake clock would otherwise tick the operations monitor; tests that want it run it themselves.
            ["Operations:RunMonitor"] = "false",
        };
        if (databasePath is not null)
        {
            all["Storage:SqlitePath"] = databasePath;
        }

        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var fakeClock = clock;
        var factory = new BotAppFactory(all, collection =>
        {
            collection.AddSingleton<TimeProvider>(fakeClock);
            collection.AddFakeLogging();
            services?.Invoke(collection);
        });
        return new HandoffHost(connector, factory, clock, ownsConnector);
    }

    public Task<HttpResponseMessage> SendAsync(JObject activity) => Client.PostAsync(activity);

    public async Task BindAsync(string queue = QueueNames.SocialWork, string channel = TeamsActivities.SocialWorkChannel)
    {
        var response = await SendAsync(TeamsActivities.ChannelMessage(ServiceUrl, $"set queue {queue}", channel));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What the lead's confirmation step does: store the case, then hand it off.</summary>
    public async Task<CaseRecord> SubmitCaseAsync(IntakeDraft? details = null, string queue = QueueNames.SocialWork, CasePriority priority = CasePriority.Routine, string? patientConversation = null)
    {
        var reference = patientConversation ?? JsonConvert.SerializeObject(new JObject
        {
            ["channelId"] = "webchat",
            ["serviceUrl"] = ServiceUrl,
            ["conversation"] = new JObject { ["id"] = PatientConversationId },
            ["bot"] = new JObject { ["id"] = "bot" },
            ["user"] = new JObject { ["id"] = "patient-1" },
        });
        var record = await Cases.CreateAsync(new NewCase("webchat:patient-1", queue, null, priority, reference, (details ?? Personas.Maya()).ToCaseDetails()), CancellationToken.None);
        await Factory.Services.GetRequiredService<IHandoffService>().SubmitAsync(record, CancellationToken.None);
        return record;
    }

    public Task DrainAsync() => Processor.DrainAsync();

    /// <summary>A routine case for Maya, sent and posted to its channel: the case as stored, with its thread and card ids.</summary>
    public async Task<CaseRecord> PostCaseAsync()
    {
        var record = await SubmitCaseAsync();
        await DrainAsync();
        return await CaseAsync(record.Reference);
    }

    /// <summary>
    /// Makes the staff side treat the host as a bot registered in Azure (what decides the binding rules) while the
    /// test still posts activities without tokens.
    /// </summary>
    public static void AsConfiguredBot(IServiceCollection services) =>
        services.PostConfigure<SecondOpinionBot.Options.BotAuthOptions>(o =>
        {
            o.MicrosoftAppType = ConfiguredBot.Settings["MicrosoftAppType"]!;
            o.MicrosoftAppId = ConfiguredBot.AppId;
            o.MicrosoftAppPassword = ConfiguredBot.Settings["MicrosoftAppPassword"]!;
            o.MicrosoftAppTenantId = ConfiguredBot.TenantId;
        });

    public async Task<CaseRecord> CaseAsync(string reference) => (await Cases.FindAsync(reference, CancellationToken.None))!;

    /// <summary>Posts the invoke and returns the invoke response body.</summary>
    public async Task<(int Status, JObject Body)> InvokeAsync(JObject invoke)
    {
        var response = await SendAsync(invoke);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JObject.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        if (_ownsConnector)
        {
            await Connector.DisposeAsync();
        }
    }
}
