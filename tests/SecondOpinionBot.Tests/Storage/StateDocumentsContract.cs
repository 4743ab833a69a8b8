using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Turns;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>
/// The engine's state documents on our storage, both providers: one read per turn, values kept nested, rows written by
/// the SDK's UserState and ConversationState (our JSON inside a JSON string) still read, and a turn's writes held
/// until it commits.
/// </summary>
public abstract class StateDocumentsContract : IDisposable
{
    private sealed class Answers
    {
        public string? Name { get; set; }

        public List<string> Reasons { get; set; } = [];
    }

    /// <summary>Counts the reads a turn makes.</summary>
    private sealed class CountingStorage(IStateStorage inner) : IStateStorage
    {
        public int Reads { get; private set; }

        public Task<IReadOnlyDictionary<string, string>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            Reads++;
            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task WriteAsync(IReadOnlyList<StateDocument> documents, CancellationToken cancellationToken) => inner.WriteAsync(documents, cancellationToken);
    }

    private readonly TestDatabase _db;

    protected StateDocumentsContract(StorageProvider provider) => _db = new(provider, new BotStateSchema());

    private SqliteBotStorage NewStorage() => new(_db.Database, TimeProvider.System, _db.Protector);

    private static TurnContext Turn(string conversation = "c1") => new(new TestAdapter(), new Activity(ActivityTypes.Message)
    {
        ChannelId = "webchat",
        From = new ChannelAccount("u1"),
        Conversation = new ConversationAccount(id: conversation),
        Recipient = new ChannelAccount("bot"),
    });

    [StorageFact]
    public async Task A_draft_and_a_position_survive_a_restart_and_are_stored_nested()
    {
        using (var turn = Turn())
        {
            var storage = NewStorage();
            await new DraftAccessor<Answers>(storage, "draft").SaveAsync(turn, new Answers { Name = "Ana", Reasons = ["clarity"] });
            await new StateProperty<bool>(storage, StateScope.Conversation, "paused").SetAsync(turn, true, CancellationToken.None);
        }

        using var later = Turn();
        var restarted = NewStorage();
        var draft = await new DraftAccessor<Answers>(restarted, "draft").GetAsync(later);
        Assert.Equal("Ana", draft.Name);
        Assert.Equal(["clarity"], draft.Reasons);
        Assert.True(await new StateProperty<bool>(restarted, StateScope.Conversation, "paused").GetAsync(later, false, CancellationToken.None));

        // Nested JSON, not JSON inside a string: nothing is escaped twice.
        var user = (JObject)(await restarted.ReadAsync(["webchat/users/u1"]))["webchat/users/u1"];
        Assert.Equal(JTokenType.Object, user["draft"]?.Type);
    }

    [StorageFact]
    public async Task Rows_the_SDK_state_classes_wrote_still_read()
    {
        var storage = NewStorage();
        using (var turn = Turn())
        {
            var userState = new UserState(storage);
            await userState.CreateProperty<string>("draft").SetAsync(turn, """{"name":"Ana","reasons":["clarity"]}""");
            await userState.SaveChangesAsync(turn);
        }

        using var later = Turn();
        var draft = await new DraftAccessor<Answers>(NewStorage(), "draft").GetAsync(later);
        Assert.Equal("Ana", draft.Name);
        Assert.Equal(["clarity"], draft.Reasons);
    }

    [StorageFact]
    public async Task A_turn_reads_both_documents_once_and_its_writes_land_only_when_it_commits()
    {
        var storage = NewStorage();
        var counting = new CountingStorage(storage);
        using var turn = Turn();
        var unit = TurnUnit.Begin();
        try
        {
            await new DraftAccessor<Answers>(counting, "draft").UpdateAsync(turn, d => d.Name = "Ana");
            await new DraftAccessor<Answers>(counting, "draft").UpdateAsync(turn, d => d.Reasons.Add("risk"));
            Assert.False(await new StateProperty<bool>(counting, StateScope.Conversation, "paused").GetAsync(turn, false, CancellationToken.None));
            Assert.Equal(1, counting.Reads);
            Assert.Equal(["webchat/users/u1"], unit.Order);
        }
        finally
        {
            TurnUnit.End();
        }

        Assert.Empty(await NewStorage().ReadAsync(["webchat/users/u1"]));

        await storage.CommitTurnAsync(unit, (_, _) => Task.CompletedTask, CancellationToken.None);
        using var later = Turn();
        var draft = await new DraftAccessor<Answers>(NewStorage(), "draft").GetAsync(later);
        Assert.Equal("Ana", draft.Name);
        Assert.Equal(["risk"], draft.Reasons);
    }

    [StorageFact]
    public async Task A_turn_stores_only_what_it_saved_however_often_it_read_and_saved_the_draft()
    {
        var storage = NewStorage();
        var drafts = new DraftAccessor<Answers>(storage, "draft");
        using var turn = Turn();
        var unit = TurnUnit.Begin();
        try
        {
            var mine = new Answers { Name = "Ana", Reasons = ["clarity"] };
            await drafts.SaveAsync(turn, mine);
            mine.Name = "changed after saving";
            mine.Reasons.Add("changed after saving");

            var returned = await drafts.UpdateAsync(turn, d => d.Reasons.Add("risk"));
            returned.Name = "changed, not saved";
            returned.Reasons.Clear();

            var read = await drafts.GetAsync(turn);
            read.Reasons.Add("read, changed, not saved");
            Assert.Equal("Ana", read.Name);
            Assert.Equal(["clarity", "risk", "read, changed, not saved"], read.Reasons);

            // Another value in the same document, saved last: the document is written with it, the draft as saved.
            await new StateProperty<string>(storage, StateScope.User, "language").SetAsync(turn, "es", CancellationToken.None);
            var again = await drafts.GetAsync(turn);
            Assert.Equal("Ana", again.Name);
            Assert.Equal(["clarity", "risk"], again.Reasons);
            Assert.NotSame(read, again);
        }
        finally
        {
            TurnUnit.End();
        }

        await storage.CommitTurnAsync(unit, (_, _) => Task.CompletedTask, CancellationToken.None);
        var stored = await ((IStateStorage)NewStorage()).ReadAsync(["webchat/users/u1"], CancellationToken.None);
        Assert.Equal("""{"draft":{"name":"Ana","reasons":["clarity","risk"]},"language":"es"}""", stored["webchat/users/u1"]);
    }

    [StorageFact]
    public async Task A_draft_read_but_not_saved_is_written_back_exactly_as_it_was_stored()
    {
        // As an older build wrote it: the SDK's JSON-in-a-string, with a property this build does not know.
        const string Stored = """{"draft":"{\"name\":\"Ana\",\"retired\":1}"}""";
        var storage = NewStorage();
        await ((IStateStorage)storage).WriteAsync([StateDocument.Parse("webchat/users/u1", Stored)], CancellationToken.None);

        using (var turn = Turn())
        {
            var unit = TurnUnit.Begin();
            try
            {
                Assert.Equal("Ana", (await new DraftAccessor<Answers>(storage, "draft").GetAsync(turn)).Name);
                await new StateProperty<string>(storage, StateScope.User, "language").SetAsync(turn, "es", CancellationToken.None);
            }
            finally
            {
                TurnUnit.End();
            }

            await storage.CommitTurnAsync(unit, (_, _) => Task.CompletedTask, CancellationToken.None);
        }

        var stored = await ((IStateStorage)NewStorage()).ReadAsync(["webchat/users/u1"], CancellationToken.None);
        Assert.Equal("""{"draft":"{\"name\":\"Ana\",\"retired\":1}","language":"es"}""", stored["webchat/users/u1"]);
    }

    [StorageFact]
    public async Task A_document_left_empty_is_deleted_not_kept_as_an_empty_row()
    {
        var storage = NewStorage();
        using (var turn = Turn())
        {
            await new StateProperty<bool>(storage, StateScope.Conversation, "paused").SetAsync(turn, true, CancellationToken.None);
        }

        Assert.Single(await NewStorage().ReadAsync(["webchat/conversations/c1"]));
        using (var turn = Turn())
        {
            await new StateProperty<bool>(storage, StateScope.Conversation, "paused").DeleteAsync(turn, CancellationToken.None);
        }

        Assert.Empty(await NewStorage().ReadAsync(["webchat/conversations/c1"]));
    }

    public void Dispose()
    {
        _db.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class StateDocumentsOnSqlite() : StateDocumentsContract(StorageProvider.Sqlite);

public sealed class StateDocumentsOnPostgres() : StateDocumentsContract(StorageProvider.PostgreSQL), IPostgresTests;
