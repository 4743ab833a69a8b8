using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;

namespace SecondOpinionBot.Bench;

/// <summary>
/// The patient's draft through one journey turn, as its steps use it (four reads, two changes, then the turn's
/// commit writes the user's document): the draft parsed once and copied to each step, against the former way (parsed
/// on every read, written to JSON on every change).
/// </summary>
public static class DraftTurnBench
{
    private const string UserKey = "webchat/users/bench";

    // As the former DraftAccessor wrote it: no nulls, no empty lists.
    private static readonly JsonSerializerOptions FormerWritten = new(DialogJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                type =>
                {
                    foreach (var property in type.Properties.Where(p => typeof(System.Collections.ICollection).IsAssignableFrom(p.PropertyType)))
                    {
                        property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
                    }
                },
            },
        },
    };

    public static (Func<object?> Subject, Func<object?> Baseline) Calls()
    {
        var storage = new OneTurnStorage(JsonSerializer.Serialize(new Dictionary<string, IntakeDraft> { [IntakeDraft.StatePropertyName] = StorageBench.PartWayDraft() }, FormerWritten));
        var drafts = new DraftAccessor<IntakeDraft>(storage, IntakeDraft.StatePropertyName);
        var former = new StateProperty<IntakeDraft>(storage, StateScope.User, IntakeDraft.StatePropertyName, FormerWritten);
        var adapter = new TestAdapter();
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = "webchat",
            From = new ChannelAccount("bench"),
            Conversation = new ConversationAccount(id: "bench"),
            Recipient = new ChannelAccount("bot"),
        };

        object? Subject()
        {
            using var turn = new TurnContext(adapter, activity);
            var asked = drafts.GetAsync(turn).GetAwaiter().GetResult().Questions.Count;
            drafts.UpdateAsync(turn, d => d.Records["imaging"] = RecordStatus.Have).GetAwaiter().GetResult();
            asked += drafts.GetAsync(turn).GetAwaiter().GetResult().Records.Count;
            drafts.UpdateAsync(turn, d => { d.CompletedSections.Add("records"); d.Revision++; }).GetAwaiter().GetResult();
            asked += drafts.GetAsync(turn).GetAwaiter().GetResult().Reasons.Count;
            asked += drafts.GetAsync(turn).GetAwaiter().GetResult().Needs.Count;
            return storage.Commit() + asked;
        }

        object? Baseline()
        {
            using var turn = new TurnContext(adapter, activity);
            IntakeDraft Read() => former.GetAsync(turn, new IntakeDraft(), CancellationToken.None).GetAwaiter().GetResult();
            void Change(Action<IntakeDraft> change)
            {
                var draft = Read();
                change(draft);
                former.SetAsync(turn, draft, CancellationToken.None).GetAwaiter().GetResult();
            }

            var asked = Read().Questions.Count;
            Change(d => d.Records["imaging"] = RecordStatus.Have);
            asked += Read().Records.Count;
            Change(d => { d.CompletedSections.Add("records"); d.Revision++; });
            asked += Read().Reasons.Count;
            asked += Read().Needs.Count;
            return storage.Commit() + asked;
        }

        return (Subject, Baseline);
    }

    /// <summary>Reads one stored user document and, like the host's turn commit, writes each document handed to it once.</summary>
    private sealed class OneTurnStorage(string stored) : IStateStorage
    {
        private readonly Dictionary<string, string> _stored = new(StringComparer.Ordinal) { [UserKey] = stored };
        private readonly List<StateDocument> _staged = [];

        public Task<IReadOnlyDictionary<string, string>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(_stored);

        public Task WriteAsync(IReadOnlyList<StateDocument> documents, CancellationToken cancellationToken)
        {
            foreach (var document in documents.Where(d => !_staged.Contains(d)))
            {
                _staged.Add(document);
            }

            return Task.CompletedTask;
        }

        /// <summary>The turn's commit: each staged document written once (its length returned, so it is not optimised away).</summary>
        public int Commit()
        {
            var length = _staged.Sum(d => d.ToJson().Length);
            _staged.Clear();
            return length;
        }
    }
}
