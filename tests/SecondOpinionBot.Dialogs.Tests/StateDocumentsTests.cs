using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs.State;

namespace SecondOpinionBot.Dialogs.Tests;

public class StateDocumentsTests
{
    private static TurnContext Turn(ChannelAccount? from) => new(new TestAdapter(), new Activity(ActivityTypes.Message)
    {
        ChannelId = "test",
        From = from,
        Conversation = new ConversationAccount(id: "c1"),
        Recipient = new ChannelAccount("bot"),
    });

    [Fact]
    public async Task A_turn_without_a_sender_keeps_its_conversation_state_and_only_user_state_is_refused()
    {
        var storage = new MemoryStateStorage();
        var paused = new StateProperty<bool>(storage, StateScope.Conversation, "paused");
        var answer = new StateProperty<string>(storage, StateScope.User, "answer");
        using (var turn = Turn(from: null))
        {
            await paused.SetAsync(turn, true, CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(() => answer.GetAsync(turn, "none", CancellationToken.None));
        }

        using var later = Turn(new ChannelAccount("u1"));
        Assert.True(await paused.GetAsync(later, false, CancellationToken.None));
        Assert.Equal("none", await answer.GetAsync(later, "none", CancellationToken.None));
        Assert.Equal(["test/conversations/c1"], storage.Keys);
    }

    [Fact]
    public async Task Values_written_by_the_SDKs_state_bags_as_JSON_text_in_a_string_still_read()
    {
        var storage = new MemoryStateStorage();
        storage.Put("test/users/u1", """{"draft":"{\"name\":\"Ana\"}","ETag":"abc"}""");
        using var turn = Turn(new ChannelAccount("u1"));

        var draft = await new DraftAccessor<Draft>(storage, "draft").GetAsync(turn);

        Assert.Equal("Ana", draft.Name);
    }

    [Fact]
    public async Task A_draft_read_many_times_in_a_turn_is_a_new_copy_each_time_and_only_what_was_saved_is_stored()
    {
        var storage = new MemoryStateStorage();
        var drafts = new DraftAccessor<Draft>(storage, "draft");
        using var turn = Turn(new ChannelAccount("u1"));

        var mine = new Draft { Name = "Ana", Reasons = ["clarity"] };
        await drafts.SaveAsync(turn, mine);
        mine.Reasons.Add("changed after saving");
        var returned = await drafts.UpdateAsync(turn, d => d.Reasons.Add("risk"));
        returned.Name = "changed, not saved";
        var read = await drafts.GetAsync(turn);
        read.Reasons.Clear();
        await new StateProperty<bool>(storage, StateScope.User, "paused").SetAsync(turn, true, CancellationToken.None);

        var again = await drafts.GetAsync(turn);
        Assert.Equal("Ana", again.Name);
        Assert.Equal(["clarity", "risk"], again.Reasons);
        Assert.Equal("""{"draft":{"name":"Ana","reasons":["clarity","risk"]},"paused":true}""", storage.Get("test/users/u1"));
    }

    [Fact]
    public async Task A_draft_that_cannot_be_read_starts_fresh_each_time_until_one_is_saved()
    {
        var storage = new MemoryStateStorage();
        storage.Put("test/users/u1", """{"draft":{"name":["not","a","name"]}}""");
        var drafts = new DraftAccessor<Draft>(storage, "draft");
        using var turn = Turn(new ChannelAccount("u1"));

        var fresh = await drafts.GetAsync(turn);
        fresh.Name = "not saved";
        Assert.Null((await drafts.GetAsync(turn)).Name);

        await drafts.UpdateAsync(turn, d => d.Name = "Ana");
        Assert.Equal("Ana", (await drafts.GetAsync(turn)).Name);
    }

    private sealed class Draft
    {
        public string? Name { get; set; }

        public List<string> Reasons { get; set; } = [];
    }
}
