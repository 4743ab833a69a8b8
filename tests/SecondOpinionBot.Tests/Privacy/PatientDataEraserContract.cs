using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Privacy;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Privacy;

/// <summary>Run against both providers: PatientDataEraserOn{Sqlite,Postgres}.</summary>
public abstract class PatientDataEraserContract : IDisposable
{
    private static readonly PatientIdentity Me = new("msteams", "29:me", "a:conv-me");
    private static readonly PatientIdentity Other = new("msteams", "29:other", "a:conv-other");

    private readonly TestDatabase _db;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteBotStorage _storage;
    private readonly SqliteCaseStore _cases;
    private readonly PrepSheetLinkStore _links;

    protected PatientDataEraserContract(StorageProvider provider)
    {
        _db = new(provider, new BotStateSchema(), new CaseSchema(), new PrepSheetLinkSchema());
        _storage = new SqliteBotStorage(_db.Database, _clock, _db.Protector);
        _cases = new SqliteCaseStore(_db.Database, _clock, _db.Protector);
        _links = new PrepSheetLinkStore(_db.Database, Microsoft.Extensions.Options.Options.Create(new PrepSheetOptions()), _clock, _db.Protector);
    }

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    private PatientDataEraser Eraser(params IPersonalDataParticipant[] extra) => new(
        [new BotStateDataParticipant(_storage), new CaseDataParticipant(_cases), new PrepSheetLinkParticipant(_links), .. extra],
        _db.Protector, _db.Database, NullLogger<PatientDataEraser>.Instance);

    /// <summary>Saves a draft and a dialog position the way the journey does in a turn.</summary>
    private async Task SaveStateAsync(PatientIdentity who, IntakeDraft draft)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = who.ChannelId,
            From = new ChannelAccount(who.UserId),
            Conversation = new ConversationAccount(id: who.ConversationId),
            Recipient = new ChannelAccount("bot"),
        };
        using var turn = new TurnContext(new TestAdapter(), activity);
        await new Dialogs.State.DraftAccessor<IntakeDraft>(_storage, IntakeDraft.StatePropertyName).SaveAsync(turn, draft);
        await new Dialogs.State.StateProperty<string>(_storage, Dialogs.State.StateScope.Conversation, Dialogs.State.DialogStackStore.DefaultPropertyName).SetAsync(turn, "questions", CancellationToken.None);
    }

    private async Task<CaseRecord> CreateCaseAsync(PatientIdentity who) =>
        await _cases.CreateAsync(new NewCase(who.OwnerKey, "social-work", null, CasePriority.Routine, "{\"conversation\":{\"id\":\"" + who.ConversationId + "\"}}", EnglishWording.SentinelDraft().ToCaseDetails()), CancellationToken.None);

    private async Task<PrepSheetLink> CreateLinkAsync(PatientIdentity who) =>
        await _links.CreateAsync(who.OwnerKey, PrepSheetAnswers.From(EnglishWording.SentinelDraft().ToCaseDetails(), null, null, "en"), CancellationToken.None);

    private async Task<(PatientIdentity, CaseRecord, PrepSheetLink)[]> SeedBothAsync()
    {
        var seeded = new List<(PatientIdentity, CaseRecord, PrepSheetLink)>();
        foreach (var who in new[] { Me, Other })
        {
            await SaveStateAsync(who, EnglishWording.SentinelDraft());
            seeded.Add((who, await CreateCaseAsync(who), await CreateLinkAsync(who)));
        }

        return [.. seeded];
    }

    [StorageFact]
    public async Task What_do_you_know_lists_answers_position_case_and_links_without_internal_ids()
    {
        var (_, myCase, link) = (await SeedBothAsync())[0];

        var items = await Eraser().DescribeAsync(Me, CancellationToken.None);
        var text = StoredDataText.Render(items, EnglishWording.StoredData);

        Assert.Equal([StoredDataCategory.Answers, StoredDataCategory.ConversationPosition, StoredDataCategory.Case, StoredDataCategory.PrepSheetLinks], items.Select(i => i.Category));
        Assert.Equal(
            "Here is what I have stored about you:\n" +
            "\n- Your answers so far: who this is for, a first name, relationship, patientAgrees, your concern, proposed, plannedDate, currentClinic, your reasons, your questions, your records checklist, needs, contactMethods, your phone number, your email address, contactTimes" +
            "\n- Where we are in this conversation" +
            $"\n- Your case {myCase.Reference}: who this is for, a first name, relationship, patientAgrees, your concern, proposed, plannedDate, currentClinic, your reasons, your questions, your records checklist, needs, contactMethods, your phone number, your email address, contactTimes" +
            "\n- 1 link(s) to your prep sheet, working until Monday, November 9, 2026" +
            "\n\nType \"delete my data\" to erase it.",
            text);
        foreach (var secret in new[] { Me.UserId, Me.ConversationId, Me.OwnerKey, myCase.Id, link.Token, Sentinels.Phone, Sentinels.Name })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [StorageFact]
    public async Task Deleting_my_data_reaches_state_draft_case_and_links_and_leaves_others_alone()
    {
        var seeded = await SeedBothAsync();
        var (_, myCase, myLink) = seeded[0];
        var (_, theirCase, theirLink) = seeded[1];

        var result = await Eraser().EraseAsync(Me, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Empty(await _storage.ReadAsync([Me.UserStateKey, Me.ConversationStateKey]));
        Assert.Equal(2, (await _storage.ReadAsync([Other.UserStateKey, Other.ConversationStateKey])).Count);

        var erased = (await _cases.FindAsync(myCase.Reference, CancellationToken.None))!;
        Assert.Null(erased.Details.PatientFirstName);
        Assert.Null(erased.Details.Phone);
        Assert.Empty(erased.Details.Questions);
        Assert.Null(erased.PatientConversation);
        Assert.NotEqual(Me.OwnerKey, erased.OwnerKey);
        Assert.Equal(CaseStatus.Withdrawn, erased.Status);
        var audit = await _cases.GetAuditAsync(myCase.Reference, CancellationToken.None);
        Assert.Equal(["created", "personal-data-erased"], audit.Select(a => a.Action));
        Assert.DoesNotContain(audit, a => $"{a.Actor} {a.Detail}".Contains(Me.UserId, StringComparison.Ordinal));
        Assert.Equal(Sentinels.Name, (await _cases.FindAsync(theirCase.Reference, CancellationToken.None))!.Details.PatientFirstName);

        Assert.Null(await _links.FindAsync(myLink.Token, PrepSheetWords.Fixed(EnglishWording.PrepSheet, EnglishWording.Catalog), CancellationToken.None));
        Assert.NotNull(await _links.FindAsync(theirLink.Token, PrepSheetWords.Fixed(EnglishWording.PrepSheet, EnglishWording.Catalog), CancellationToken.None));

        Assert.Equal("I have nothing stored about you.", StoredDataText.Render(await Eraser().DescribeAsync(Me, CancellationToken.None), EnglishWording.StoredData));
    }

    [StorageFact]
    public async Task A_failing_participant_does_not_stop_the_others_and_is_reported()
    {
        await SeedBothAsync();

        var result = await Eraser(new FailingParticipant()).EraseAsync(Me, CancellationToken.None);

        Assert.False(result.Complete);
        Assert.Equal(["failing"], result.FailedParticipants);
        Assert.Empty(await Eraser().DescribeAsync(Me, CancellationToken.None));
    }

    [StorageFact]
    public async Task Erasing_twice_or_with_nothing_stored_is_harmless()
    {
        Assert.True((await Eraser().EraseAsync(Me, CancellationToken.None)).Complete);
        await SeedBothAsync();
        Assert.True((await Eraser().EraseAsync(Me, CancellationToken.None)).Complete);
        Assert.True((await Eraser().EraseAsync(Me, CancellationToken.None)).Complete);
    }

    private sealed class FailingParticipant : IPersonalDataParticipant
    {
        public string Name => "failing";

        public Task<IReadOnlyList<StoredDataItem>> DescribeAsync(PatientIdentity who, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredDataItem>>([]);

        public Task EraseAsync(PatientIdentity who, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("store offline");
    }
}

public sealed class PatientDataEraserOnSqlite() : PatientDataEraserContract(StorageProvider.Sqlite);

public sealed class PatientDataEraserOnPostgres() : PatientDataEraserContract(StorageProvider.PostgreSQL), IPostgresTests;
