using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Support;
using SecondOpinionBot.Text;

namespace SecondOpinionBot.Tests.Content;

/// <summary>The key-based check the journey tests rely on: it must recognise a message however it is filled, and nothing else.</summary>
public sealed class WordingMatchTests
{
    private static readonly (string, string)[] None = [];

    [Fact]
    public void Every_message_as_the_bot_fills_it_is_recognised_by_its_own_key()
    {
        var checkedCount = 0;
        foreach (var message in ContentFixture.English.Messages.All)
        {
            var placeholders = PlaceholdersOf(message.Text);
            var key = new MessageKey(message.Key, placeholders);
            // Values as users type them: Markdown the bot escapes, line breaks, braces.
            var values = placeholders.Select(p => (p, MarkdownText.Escape($"*{p}* [x](y) {{z}}") + "\nnext line")).ToArray();
            var sent = "Before.\n\n" + ContentFixture.English.Messages.Format(key, values) + "\n\nAfter.";
            if (LiteralLetters(message.Text) < 3)
            {
                continue; // all placeholders ("{question}"): refused, see below
            }

            Assert.True(ContentFixture.English.Messages.Says(sent, key), $"{message.Key} not recognised in: {sent}");
            checkedCount++;
        }

        Assert.True(checkedCount > 100, $"only {checkedCount} messages checked");
    }

    [Fact]
    public void Another_message_or_changed_wording_is_not_recognised()
    {
        var sent = Wording.Messages.Format(MessageKeys.HandoffSent, HandoffSentValues("SO-7K3F"));

        Assert.True(Wording.Says(sent, MessageKeys.HandoffSent));
        Assert.False(Wording.Says(sent, MessageKeys.SituationClinic));
        Assert.False(Wording.Says(sent.Replace("reference", "case number", StringComparison.Ordinal), MessageKeys.HandoffSent));
        Assert.False(Wording.Says("", MessageKeys.HandoffSent));
        Assert.False(Wording.Says(null, MessageKeys.HandoffSent));
    }

    [Fact]
    public void A_placeholder_value_is_checked_when_given_escaped_or_not()
    {
        var pattern = Wording.PatternOf("Thank you for helping {patientName}. Your reference is {reference}.", [("reference", "SO_7K3F")]);

        Assert.Matches(pattern, "Thank you for helping Ann. Your reference is SO_7K3F.");
        Assert.Matches(pattern, "Thank you for helping Ann. Your reference is SO\\_7K3F.");
        Assert.DoesNotMatch(pattern, "Thank you for helping Ann. Your reference is SO-0000.");
    }

    [Fact]
    public void Spaces_and_line_breaks_in_the_template_match_any_run_of_either()
    {
        var pattern = Wording.PatternOf("Mark each one,\nthen tap Save.", None);

        Assert.Matches(pattern, "Mark each one, then tap Save.");
        Assert.Matches(pattern, "Mark each one,\n\nthen   tap Save.");
        Assert.DoesNotMatch(pattern, "Mark each one,then tap Save.");
        Assert.DoesNotMatch(pattern, "mark each one, then tap save.");
    }

    [Fact]
    public void Straight_quotes_in_the_template_match_the_typographic_ones_web_chat_renders()
    {
        var pattern = Wording.PatternOf("I can't answer that. Say \"talk to a person\".", None);

        Assert.Matches(pattern, "I can\u2019t answer that. Say \u201Ctalk to a person\u201D.");
        Assert.Matches(pattern, "I can't answer that. Say \"talk to a person\".");
        Assert.DoesNotMatch(pattern, "I cant answer that. Say talk to a person.");
    }

    [Fact]
    public void A_template_with_no_fixed_wording_or_an_unknown_placeholder_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Wording.PatternOf("{title}. {explanation}", None));
        Assert.Throws<ArgumentException>(() => Wording.PatternOf("Your reference is {reference}.", [("referenceId", "SO-1")]));
        Assert.Matches(Wording.PatternOf("{question}", [("question", "Is it serious?")]), "Is it serious?");
    }

    private static (string, string)[] HandoffSentValues(string reference) =>
        PlaceholdersOf(Wording.Messages.Get(MessageKeys.HandoffSent)).Select(p => (p, p == "reference" ? reference : "x")).ToArray();

    private static string[] PlaceholdersOf(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{([A-Za-z][A-Za-z0-9]*)\}").Select(m => m.Groups[1].Value).Distinct().ToArray();

    private static int LiteralLetters(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([A-Za-z][A-Za-z0-9]*)\}", "").Count(char.IsLetterOrDigit);
}
