namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// One line of a transcript: what the bot must have just said (a fragment), and how the user answers it — typed
/// words, or choices picked by their labels.
/// </summary>
public sealed record ScriptLine(string Expect, string? Typed, string[] Picks)
{
    public static ScriptLine Type(string expect, string text) => new(expect, text, []);

    public static ScriptLine Pick(string expect, params string[] labels) => new(expect, null, labels);

    public override string ToString() => $"\"{Expect}\" → {Typed ?? string.Join(" + ", Picks)}";
}

public static class JourneyScript
{
    /// <summary>Plays the lines in order, checking each expected fragment before answering; returns the last reply.</summary>
    public static async Task<BotTurn> PlayAsync(this JourneyChat chat, BotTurn shown, IEnumerable<ScriptLine> lines, Action<BotTurn>? eachTurn = null)
    {
        foreach (var line in lines)
        {
            Assert.True(shown.Says(line.Expect), $"Before {line}, the bot should have said \"{line.Expect}\". It said:\n{shown.AllText}");
            shown = line.Typed is not null ? await chat.SayAsync(line.Typed) : await chat.ChooseAsync(shown, line.Picks);
            eachTurn?.Invoke(shown);
        }

        return shown;
    }
}
