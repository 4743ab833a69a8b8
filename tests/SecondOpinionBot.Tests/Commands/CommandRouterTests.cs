using SecondOpinionBot.Commands;

namespace SecondOpinionBot.Tests.Commands;

public sealed class CommandRouterTests
{
    public static TheoryData<CommandScope, string, CommandId> EveryPhrase()
    {
        var data = new TheoryData<CommandScope, string, CommandId>();
        foreach (var command in CommandTable.All)
        {
            foreach (var phrase in command.Phrases)
            {
                data.Add(command.Scope, phrase, command.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPhrase))]
    public void EveryPhraseInTheTableRoutesToItsCommandInItsScopeOnly(CommandScope scope, string phrase, CommandId expected)
    {
        Assert.Equal(expected, CommandRouter.Route(phrase, scope)?.Command.Id);

        var otherScope = scope == CommandScope.Personal ? CommandScope.Team : CommandScope.Personal;
        Assert.Null(CommandRouter.Route(phrase, otherScope));
    }

    [Fact]
    public void PickingACommandFromTheTeamsMenuSendsItsTitleWhichRoutesToIt()
    {
        foreach (var command in CommandTable.All)
        {
            Assert.Equal(command.Id, CommandRouter.Route(command.Title, command.Scope)?.Command.Id);
        }
    }

    [Fact]
    public void EveryCommandTheBotKnowsHasExactlyOneRowInTheTable()
    {
        Assert.Equal(
            Enum.GetValues<CommandId>().Order(),
            CommandTable.All.Select(command => command.Id).Order());
    }

    [Fact]
    public void PatientsHaveTheEightPersonalCommandsAndStaffTheTeamCommands()
    {
        // "back" is in the patients' menu (8 of Teams' 10) so a Teams user finds it without knowing to type it.
        Assert.Equal(
            ["start", "status", "help", "back", "start over", "talk to a person", "what do you know about me", "delete my data"],
            CommandTable.InScope(CommandScope.Personal).Select(command => command.Title));
        Assert.Equal(["queue", "case", "set queue", "move queue", "assign", "unassign", "transfer", "reopen", "note", "history", "failed deliveries"], CommandTable.InScope(CommandScope.Team).Select(command => command.Title));
    }

    [Fact]
    public void NoPhraseIsClaimedByTwoCommandsOfOneScope()
    {
        foreach (var scope in Enum.GetValues<CommandScope>())
        {
            var phrases = CommandTable.InScope(scope).SelectMany(command => command.Phrases).ToList();
            Assert.Equal(phrases.Count, phrases.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Theory]
    [InlineData("  HELP  ", CommandScope.Personal, CommandId.Help)]
    [InlineData("Start over!", CommandScope.Personal, CommandId.StartOver)]
    [InlineData("Go back", CommandScope.Personal, CommandId.Back)]
    [InlineData("start   over", CommandScope.Personal, CommandId.StartOver)]
    [InlineData("Delete my data.", CommandScope.Personal, CommandId.DeleteMyData)]
    [InlineData("status?", CommandScope.Personal, CommandId.Status)]
    [InlineData("<at>SecondOpinionBot</at> queue", CommandScope.Team, CommandId.Queue)]
    [InlineData("<at>Second Opinion Bot</at>&nbsp;Queue", CommandScope.Team, CommandId.Queue)]
    public void CaseSpacingTrailingPunctuationAndTheTeamsMentionAreIgnored(string text, CommandScope scope, CommandId expected)
    {
        Assert.Equal(expected, CommandRouter.Route(text, scope)?.Command.Id);
    }

    [Theory]
    [InlineData("I want to start over my treatment", CommandScope.Personal)]
    [InlineData("can you help me find my records", CommandScope.Personal)]
    [InlineData("what is the status of my biopsy", CommandScope.Personal)]
    [InlineData("please delete my data now", CommandScope.Personal)]
    [InlineData("start the day", CommandScope.Personal)]
    [InlineData("helpful", CommandScope.Personal)]
    [InlineData("starter", CommandScope.Personal)]
    [InlineData("", CommandScope.Personal)]
    [InlineData("   ", CommandScope.Personal)]
    [InlineData(null, CommandScope.Personal)]
    [InlineData("<at>SecondOpinionBot</at>", CommandScope.Team)]
    [InlineData("<at>SecondOpinionBot</at> the queue is long today", CommandScope.Team)]
    [InlineData("<at>SecondOpinionBot</at> this case of the flu", CommandScope.Team)]
    [InlineData("<at>SecondOpinionBot</at> case of the flu", CommandScope.Team)]
    [InlineData("<at>SecondOpinionBot</at> set", CommandScope.Team)]
    [InlineData("<at>SecondOpinionBot</at> queue social-work", CommandScope.Team)]
    public void SentencesThatMerelyContainACommandWordAreNotCommands(string? text, CommandScope scope)
    {
        Assert.Null(CommandRouter.Route(text, scope));
    }

    [Fact]
    public void APhraseWithAWordAddedOrCutOffIsNotACommandUnlessItIsAnotherRow()
    {
        foreach (var command in CommandTable.All)
        {
            var sameScopePhrases = CommandTable.InScope(command.Scope).SelectMany(other => other.Phrases).ToHashSet(StringComparer.Ordinal);
            foreach (var phrase in command.Phrases)
            {
                var words = phrase.Split(' ');
                for (var length = 1; length < words.Length; length++)
                {
                    var prefix = string.Join(' ', words[..length]);
                    if (!sameScopePhrases.Contains(prefix))
                    {
                        Assert.Null(CommandRouter.Route(prefix, command.Scope));
                    }
                }

                if (command.Argument is null)
                {
                    Assert.Null(CommandRouter.Route(phrase + " please", command.Scope));
                }
                else
                {
                    Assert.Null(CommandRouter.Route(phrase + " two words", command.Scope));
                }
            }
        }
    }

    [Theory]
    [InlineData("<at>SecondOpinionBot</at> case SO-7K3F", "SO-7K3F")]
    [InlineData("case so-7k3f.", "SO-7K3F")]
    [InlineData("show case SO-AB12CD", "SO-AB12CD")]
    public void CaseTakesACaseReferenceAsItsArgument(string text, string expected)
    {
        var match = CommandRouter.Route(text, CommandScope.Team);

        Assert.Equal(CommandId.Case, match?.Command.Id);
        Assert.Equal(expected, match?.Argument);
        Assert.False(match?.NeedsArgument);
    }

    [Theory]
    [InlineData("<at>SecondOpinionBot</at> set queue social-work", "social-work")]
    [InlineData("set queue Care-Coordination", "care-coordination")]
    [InlineData("SET QUEUE SOCIAL-WORK!", "social-work")]
    public void SetQueueTakesOneOfTheTwoQueues(string text, string expected)
    {
        var match = CommandRouter.Route(text, CommandScope.Team);

        Assert.Equal(CommandId.SetQueue, match?.Command.Id);
        Assert.Equal(expected, match?.Argument);
    }

    [Theory]
    [InlineData("case", CommandId.Case)]
    [InlineData("case 7K3F", CommandId.Case)]
    [InlineData("set queue", CommandId.SetQueue)]
    [InlineData("set queue finance", CommandId.SetQueue)]
    public void AMissingOrInvalidArgumentStillNamesTheCommandSoTheBotCanAskForIt(string text, CommandId expected)
    {
        var match = CommandRouter.Route(text, CommandScope.Team);

        Assert.Equal(expected, match?.Command.Id);
        Assert.Null(match?.Argument);
        Assert.True(match?.NeedsArgument);
    }

    [Fact]
    public void CommandsWithoutAnArgumentNeverNeedOne()
    {
        Assert.False(CommandRouter.Route("queue", CommandScope.Team)?.NeedsArgument);
        Assert.False(CommandRouter.Route("help", CommandScope.Personal)?.NeedsArgument);
    }
}
