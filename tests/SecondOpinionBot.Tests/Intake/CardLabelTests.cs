using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// Every input on every card a patient or caregiver gets on the way to a sent case has its own label, so a screen
/// reader says what the choice is about when it gets focus (a text block above an input is not tied to it).
/// </summary>
public sealed class CardLabelTests
{
    public static TheoryData<string> Personas => new() { "patient", "caregiver" };

    [Theory]
    [MemberData(nameof(Personas))]
    public async Task Every_card_input_on_the_way_has_a_label(string persona)
    {
        await using var chat = await JourneyChat.StartAsync(userId: "labels-" + persona);
        var turns = new List<BotTurn>();
        var opened = await chat.OpenAsync();
        turns.Add(opened);
        await chat.PlayAsync(opened, persona == "patient" ? PhoneJourneyBudgetTests.PatientScript : PhoneJourneyBudgetTests.CaregiverScript, turns.Add);

        var inputs = turns.SelectMany(t => t.Cards).SelectMany(c => c.Descendants().OfType<JObject>())
            .Where(o => o["type"]?.ToString().StartsWith("Input.", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(inputs.Count >= 10, $"only {inputs.Count} card inputs on the way");
        var unlabelled = inputs.Where(i => string.IsNullOrWhiteSpace(i["label"]?.ToString())).Select(i => i.ToString(Newtonsoft.Json.Formatting.None)).ToList();
        Assert.True(unlabelled.Count == 0, "inputs without a label:\n" + string.Join("\n", unlabelled));
    }
}
