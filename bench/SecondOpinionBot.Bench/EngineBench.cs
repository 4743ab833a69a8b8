using System.Diagnostics;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Content;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Dialogs.Cards;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using SecondOpinionBot.Dialogs.Choices;
using SecondOpinionBot.Dialogs.Language;
using SecondOpinionBot.Dialogs.Prompts;
using Choice = SecondOpinionBot.Dialogs.Choices.Choice;

namespace SecondOpinionBot.Bench;

/// <summary>
/// Pieces of a journey turn's own CPU, each against the way it was done before, in the same run (microseconds and
/// bytes per call, single thread): handing a card to the SDK, Recognizers.Text calls, a choice answer, reading words,
/// the patient's draft through a turn.
/// </summary>
public static class EngineBench
{
    private const int Calls = 20_000;
    private const int Rounds = 5;

    public static IReadOnlyList<Figure> Run()
    {
        var catalogs = ContentCatalogs.Load(Path.Combine(AppContext.BaseDirectory, "dialogs"), "en");
        var content = catalogs.Default;
        var figures = new List<Figure>();

        // A question card as the journey sends it: the reasons, with their titles from content.
        var choices = content.Reasons.Select(r => new Choice(r.Id, r.Title)).ToList();
        var card = ChoiceCard.Build("Here are the four reasons people ask for a second opinion.\n\nWhich of these apply to you?",
            choices, multiSelect: true, new CardTag("prompt", 7).ToData(), "Send");
        figures.AddRange(Compare("card", "card to the SDK's JObject",
            () => AdaptiveCard.SdkContent(card),
            () => JObject.Parse(AdaptiveCard.Text(card))));

        // Microsoft.Recognizers.Text: one shared recognizer against the library's static helper (a new one per call).
        figures.AddRange(Compare("recognizer", "ordinal \"the second one\"",
            () => RecognizerModels.Ordinal("the second one", "en-us"),
            () => NumberRecognizer.RecognizeOrdinal("the second one", "en-us")));
        var reference = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Unspecified);
        figures.AddRange(Compare("recognizer", "date \"next tuesday\"",
            () => RecognizerModels.DateTime("next tuesday", "en-us", reference),
            () => DateTimeRecognizer.RecognizeDateTime("next tuesday", "en-us", DateTimeOptions.None, reference)));

        // A choice answered in words, against the same answer as a bare number (the shortest path through it).
        var lexicon = ContentLexicon.From(content);
        figures.AddRange(Compare("choice", "\"diagnosis and treatment\"",
            () => ChoiceRecognizer.RecognizeMany("diagnosis and treatment", choices, "en-us", lexicon),
            () => ChoiceRecognizer.RecognizeExact("2", choices, "en-us", lexicon.Normalizer)));

        // Starting a question: its options go into the frame as JSON and the prompt uses the options it was given,
        // against the former way (a copy of that JSON for the frame, then the options read back from it).
        var options = new PromptOptions
        {
            Prompt = "Which of these apply to you?",
            RetryPrompt = "Please pick one of the choices, or type its number.\n\nWhich of these apply to you?",
            Choices = choices,
            Card = card,
            Language = "en",
            Wording = new System.Text.Json.Nodes.JsonObject { ["prompt"] = "reasons.ask", ["values"] = new System.Text.Json.Nodes.JsonObject() },
        };
        figures.AddRange(Compare("prompt", "a question card's options",
            () => DialogJson.ToNode(options),
            () => DialogJson.As<PromptOptions>(DialogJson.ToNode(options)!.DeepClone())));

        // A patient's message read into words (every recognizer does this), against a plain lower-case split.
        const string message = "I was told I need surgery on my knee, and I'm not sure it's right. Can't sleep.";
        figures.AddRange(Compare("words", "a patient's message",
            () => lexicon.Normalizer.Tokens(message),
            () => message.ToLowerInvariant().Split(' ')));

        // The commands and the language switch look at every message; most are neither (a patient's answer, in
        // Spanish here so the default language's commands are tried too), against a short command ("help").
        var commands = new Safety.CommandRecognizer(catalogs);
        var languages = new Safety.LanguageRecognizer(catalogs);
        const string answer = "me dijeron que necesito una cirugía de rodilla, por favor";
        figures.AddRange(Compare("commands", "an answer, not a command",
            () => (commands.Recognize(answer, "es"), languages.Recognize(answer, "es")),
            () => (commands.Recognize("help", "en"), languages.Recognize("help", "en"))));

        // The patient's draft through a journey turn: parsed once and copied to each step, against parsed on every
        // read and written to JSON on every change.
        var (draftTurn, formerDraftTurn) = DraftTurnBench.Calls();
        figures.AddRange(Compare("draft", "4 reads, 2 changes, commit", draftTurn, formerDraftTurn));

        return figures;
    }

    private static IEnumerable<Figure> Compare(string bench, string measure, Func<object?> subject, Func<object?> baseline)
    {
        Measure(subject, Calls / 10); // warm-up, both: the runtime's tiering settles before anything is timed
        Measure(baseline, Calls / 10);

        // Rounds alternate subject and baseline so both see the same load from the rest of the machine; the fastest
        // round of each counts (the others were interrupted more).
        var s = (Micros: double.MaxValue, Bytes: 0.0);
        var b = (Micros: double.MaxValue, Bytes: 0.0);
        for (var round = 0; round < Rounds; round++)
        {
            var rs = Measure(subject, Calls / Rounds);
            var rb = Measure(baseline, Calls / Rounds);
            s = rs.Micros < s.Micros ? rs : s;
            b = rb.Micros < b.Micros ? rb : b;
        }

        return
        [
            new(bench, measure + " µs", s.Micros, b.Micros, "µs"),
            new(bench, measure + " bytes", s.Bytes, b.Bytes, "B"),
        ];
    }

    private static (double Micros, double Bytes) Measure(Func<object?> call, int calls)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(call());
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return (elapsed.TotalMicroseconds / calls, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / calls);
    }
}
