using System.Text.Json.Nodes;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Prompts;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Dialogs.Tests.TestSupport;

namespace SecondOpinionBot.Dialogs.Tests;

/// <summary>
/// A question the host can write again keeps only the host's note with its frame between turns; the user still sees,
/// and is understood against, the whole question.
/// </summary>
public class ShortenedQuestionTests
{
    private const string Colour = "Which colour would you like?";
    private const string Size = "Which size?";

    [Fact]
    public async Task A_question_kept_as_its_note_is_understood_next_turn_and_none_of_its_words_are_stored()
    {
        var storage = new MemoryStateStorage();
        var host = new NotedQuestions();
        await new TestBot(TwoQuestions(), storage, rewording: host).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(a => Assert.Equal(["Red", "Green", "Blue"], Replies.SuggestedTitles(a)))
            .Send("crimson").AssertReply(a => Assert.Equal(["Small", "Large"], Replies.SuggestedTitles(a)))
            .Send("big one").AssertReply("Got red, large")
            .StartTestAsync();

        Assert.True(host.Written >= 2, "each answer was read against the question written again from its note");
    }

    [Fact]
    public async Task What_is_stored_between_turns_is_the_note_not_the_words_choices_or_synonyms()
    {
        var storage = new MemoryStateStorage();
        var host = new NotedQuestions();
        await new TestBot(TwoQuestions(), storage, rewording: host).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(a => Assert.Equal(["Red", "Green", "Blue"], Replies.SuggestedTitles(a)))
            .Send("red").AssertReply(a => Assert.Equal(["Small", "Large"], Replies.SuggestedTitles(a)))
            .StartTestAsync();

        var stored = string.Join("\n", storage.Keys.Select(storage.Get));
        Assert.Contains("\"size\"", stored, StringComparison.Ordinal); // the note, so the host can write it again
        Assert.DoesNotContain(Size, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Colour, stored, StringComparison.Ordinal); // nor in the snapshot "back" keeps
        Assert.DoesNotContain("crimson", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Large", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asked_again_it_is_the_whole_question()
    {
        var host = new NotedQuestions();
        await new TestBot(TwoQuestions(), rewording: host).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(a => Assert.Equal(Colour, a.AsMessageActivity().Text))
            .Send("help").AssertReply(TestInterruptionHandler.HelpText)
            .AssertReply(a =>
            {
                Assert.Equal(Colour, a.AsMessageActivity().Text);
                Assert.Equal(["Red", "Green", "Blue"], Replies.SuggestedTitles(a));
            })
            .Send("a colour I don't know").AssertReply(a => Assert.Equal("Please pick a colour.", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task When_the_host_can_no_longer_write_it_the_conversation_starts_again_with_an_apology()
    {
        var host = new NotedQuestions();
        await new TestBot(TwoQuestions(), rewording: host).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal(Colour, a.AsMessageActivity().Text);
                host.Forgotten = true; // e.g. a deploy removed what the note names
            })
            .Send("red").AssertReply(TestLexicon.English.Restarted)
            .AssertReply(a => Assert.Equal(Colour, a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Without_a_host_that_writes_questions_again_the_question_is_stored_whole()
    {
        var storage = new MemoryStateStorage();
        var host = new NotedQuestions();
        await new TestBot(TwoQuestions(), storage).Flow(TestBot.Adapter())
            .Send("hi").AssertReply(a => Assert.Equal(Colour, a.AsMessageActivity().Text))
            .Send("crimson").AssertReply(a => Assert.Equal(Size, a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Contains(Size, string.Join("\n", storage.Keys.Select(storage.Get)), StringComparison.Ordinal);
    }

    private static WaterfallDialog<NoOptions> TwoQuestions() => new WaterfallDialog("shop")
        .AddStep((step, ct) => step.PromptAsync(TestBot.ChoiceId, NotedQuestions.Write("colour"), ct))
        .AddStep((step, ct) =>
        {
            step.Values.Set("colour", step.ResultAs<FoundChoice>()!.Value);
            return step.PromptAsync(TestBot.ChoiceId, NotedQuestions.Write("size"), ct);
        })
        .AddStep(async (step, ct) =>
        {
            await step.SendAsync($"Got {step.Values.Get<string>("colour")}, {step.ResultAs<FoundChoice>()!.Value}", ct);
            return await step.EndDialogAsync(ct);
        });

    /// <summary>A host that writes its questions from a one-word note, as the journey writes its own from message keys.</summary>
    private sealed class NotedQuestions : IPromptRewording
    {
        public int Written { get; private set; }

        public bool Forgotten { get; set; }

        public static PromptOptions Write(string note) => note switch
        {
            "colour" => new PromptOptions
            {
                Prompt = Colour,
                RetryPrompt = "Please pick a colour.",
                Choices = [new Choice("red", "Red", ["crimson", "scarlet"]), new Choice("green", "Green"), new Choice("blue", "Blue", ["navy"])],
                Wording = JsonValue.Create(note),
            },
            _ => new PromptOptions
            {
                Prompt = Size,
                Choices = [new Choice("small", "Small", ["little one"]), new Choice("large", "Large", ["big one"])],
                Wording = JsonValue.Create(note),
            },
        };

        public PromptOptions? Shorten(string promptId, PromptOptions options) =>
            options.Wording is null ? null : options with { Prompt = "", RetryPrompt = null, Choices = [] };

        public Task<PromptOptions?> RewordAsync(DialogContext dc, string promptId, PromptOptions options, CancellationToken cancellationToken)
        {
            if (Forgotten || options.Wording?.GetValue<string>() is not { } note)
            {
                return Task.FromResult<PromptOptions?>(null);
            }

            Written++;
            return Task.FromResult<PromptOptions?>(Write(note) with { Language = options.Language });
        }
    }
}
