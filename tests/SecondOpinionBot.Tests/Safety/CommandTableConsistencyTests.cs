using SecondOpinionBot.Commands;
using SecondOpinionBot.Dialogs.Interruptions;
using SecondOpinionBot.Safety;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

/// <summary>The Teams manifest lists CommandTable's phrases; typing any of them must reach the same interruption.</summary>
public sealed class CommandTableConsistencyTests
{
    private readonly CommandRecognizer _recognizer = new(ContentFixture.Catalogs);

    public static TheoryData<string, InterruptionKind, string?> PersonalCommandPhrases()
    {
        var data = new TheoryData<string, InterruptionKind, string?>();
        foreach (var command in CommandTable.InScope(CommandScope.Personal))
        {
            (InterruptionKind Kind, string? Detail)? expected = command.Id switch
            {
                CommandId.Help => (InterruptionKind.Help, null),
                CommandId.Back => (InterruptionKind.Back, null),
                CommandId.Status => (InterruptionKind.Status, null),
                CommandId.StartOver => (InterruptionKind.Cancel, CommandDetails.StartOver),
                CommandId.DeleteMyData => (InterruptionKind.DeleteMyData, null),
                CommandId.TalkToPerson => (InterruptionKind.TalkToPerson, null),
                CommandId.WhatDoYouKnow => (InterruptionKind.WhatDoYouKnow, null),
                _ => null, // "start" begins the journey; it is not an interruption
            };
            if (expected is { } e)
            {
                foreach (var phrase in command.Phrases.Append(command.Title).Distinct(StringComparer.Ordinal))
                {
                    data.Add(phrase, e.Kind, e.Detail);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PersonalCommandPhrases))]
    public void ManifestCommandPhrase_IsRecognisedAsTheSameInterruption(string phrase, InterruptionKind kind, string? detail)
    {
        Assert.Equal(new Interruption(kind, detail), _recognizer.Recognize(phrase, "en"));
    }
}
