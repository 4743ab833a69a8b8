using System.Diagnostics;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs.Cards;
using SecondOpinionBot.Dialogs.Choices;
using Choice = SecondOpinionBot.Dialogs.Choices.Choice;

namespace SecondOpinionBot.Bench;

/// <summary>
/// Pieces of a journey turn's own CPU, each against the way it was done before, in the same run (microseconds and
/// bytes per call, single thread): handing a card to the SDK.
/// </summary>
public static class EngineBench
{
    private const int Calls = 20_000;

    public static IReadOnlyList<Figure> Run()
    {
        var content = ContentCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "dialogs"), "en").Default;
        var figures = new List<Figure>();

        // A question card as the journey sends it: the reasons, with their titles from content.
        var choices = content.Reasons.Select(r => new Choice(r.Id, r.Title)).ToList();
        var card = ChoiceCard.Build("Here are the four reasons people ask for a second opinion.\n\nWhich of these apply to you?",
            choices, multiSelect: true, new CardTag("prompt", 7).ToData(), "Send");
        figures.AddRange(Compare("card", "card to the SDK's JObject",
            () => AdaptiveCard.SdkContent(card),
            () => JObject.Parse(AdaptiveCard.Text(card))));

        return figures;
    }

    private static IEnumerable<Figure> Compare(string bench, string measure, Func<object?> subject, Func<object?> baseline)
    {
        var s = Measure(subject);
        var b = Measure(baseline);
        return
        [
            new(bench, measure + " µs", s.Micros, b.Micros, "µs"),
            new(bench, measure + " bytes", s.Bytes, b.Bytes, "B"),
        ];
    }

    private static (double Micros, double Bytes) Measure(Func<object?> call)
    {
        for (var i = 0; i < Calls / 10; i++)
        {
            call(); // warm-up
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Calls; i++)
        {
            GC.KeepAlive(call());
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return (elapsed.TotalMicroseconds / Calls, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / Calls);
    }
}
