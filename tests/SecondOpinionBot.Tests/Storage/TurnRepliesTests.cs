using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SecondOpinionBot.Storage.Turns;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>A turn's replies as the patient gets them: one message per answer where the words allow it.</summary>
public class TurnRepliesTests
{
    private static Activity Text(string text) => MessageFactory.Text(text);

    private static Activity Question(string text) => (Activity)MessageFactory.SuggestedActions(new[] { "Yes", "No" }, text, null, null);

    private static Activity Card() => (Activity)MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: new { type = "AdaptiveCard" }));

    [Fact]
    public void An_acknowledgement_and_the_next_question_are_one_message_with_the_questions_buttons()
    {
        var combined = TurnReplies.Combine([Text("Thanks, noted."), Question("Is it OK to save your answers?")]);

        var message = Assert.Single(combined);
        Assert.Equal("Thanks, noted.\n\nIs it OK to save your answers?", message.Text);
        Assert.Equal(["Yes", "No"], message.SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public void Several_lines_of_text_before_a_card_are_paragraphs_of_the_cards_message_in_order()
    {
        var card = Card();
        var combined = TurnReplies.Combine([Text("One."), Text("Two."), card]);

        var message = Assert.Single(combined);
        Assert.Same(card, message);
        Assert.Equal("One.\n\nTwo.", message.Text);
        Assert.Single(message.Attachments);
    }

    [Fact]
    public void A_card_followed_by_text_and_text_at_the_end_stay_as_they_are()
    {
        var card = Card();
        var combined = TurnReplies.Combine([card, Text("After the card.")]);

        Assert.Equal(2, combined.Count);
        Assert.Same(card, combined[0]);
        Assert.Null(combined[0].Text);
        Assert.Equal("After the card.", combined[1].Text);
    }

    [Fact]
    public void Emergency_guidance_stands_alone_and_nothing_is_joined_to_it()
    {
        var guidance = SecondOpinionBot.Dialogs.StandAloneMessages.Text("Call 911 now.");
        var combined = TurnReplies.Combine([Text("Before."), guidance, Question("When you are ready, say continue.")]);

        Assert.Equal(["Before.", "Call 911 now.", "When you are ready, say continue."], combined.Select(a => a.Text));
    }

    [Fact]
    public void Messages_in_different_text_formats_are_not_joined()
    {
        var plain = Text("plain words");
        plain.TextFormat = TextFormatTypes.Plain;
        var combined = TurnReplies.Combine([plain, Question("A *markdown* question?")]);

        Assert.Equal(2, combined.Count);
    }
}
