using System.Text.RegularExpressions;
using SecondOpinionBot.Content;

namespace SecondOpinionBot.Tests.Content;

/// <summary>
/// Every piece of text a patient reads, grouped the way the bot shows it: a message alone; a reason's title with its
/// explanation; a record as the records.itemAsk line; a need's label with its description; short labels (choice
/// buttons, summary headings) together, since a two-word label alone has no meaningful reading grade.
/// </summary>
internal static partial class PatientFacingText
{
    public sealed record Unit(string Source, string Text);

    private const int LabelMaxWords = 4;

    public static IEnumerable<Unit> All(ContentCatalog c)
    {
        var labels = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // staff.yaml is read by the care team, not by patients.
        foreach (var message in c.Messages.All.Where(m => !m.Key.StartsWith("staff.", StringComparison.Ordinal)))
        {
            var text = FillPlaceholders(message.Text);
            if (!Readability.Words(PlaceholderPattern().Replace(message.Text, "")).Any())
            {
                continue; // a pure template such as "{title}. {explanation}"; its parts are scored below
            }

            if (IsLabel(message.Text))
            {
                var group = message.Key[..message.Key.LastIndexOf('.')];
                (labels.TryGetValue(group, out var list) ? list : labels[group] = []).Add(text);
            }
            else
            {
                yield return new Unit($"message {message.Key}", text);
            }
        }

        foreach (var (group, list) in labels)
        {
            yield return new Unit($"labels {group}.*", Sentences(list));
        }

        foreach (var reason in c.Reasons)
        {
            yield return new Unit($"reason {reason.Id}", $"{reason.Title}. {reason.Explanation}");
            yield return new Unit($"reason {reason.Id} summary", $"{reason.Title}: {reason.Summary}");
            foreach (var question in reason.SoundsLikeYou)
            {
                yield return new Unit($"reason {reason.Id} question", question);
            }

            foreach (var signal in reason.SuggestWhen)
            {
                yield return new Unit($"reason {reason.Id} because {signal.Situation}", $"{reason.Title}: {signal.Because}");
            }
        }

        foreach (var question in c.Questions)
        {
            yield return new Unit($"question {question.Id}", question.Text);
        }

        foreach (var record in c.Records)
        {
            var line = c.Messages.Format(MessageKeys.RecordsItemAsk, ("number", "1"), ("count", "9"), ("item", record.Item), ("why", record.Why), ("source", record.Source));
            yield return new Unit($"record {record.Id}", line);
        }

        foreach (var need in c.Needs)
        {
            yield return new Unit($"need {need.Id}", $"{need.Label}. {need.Description}");
        }

        foreach (var set in c.ChoiceSets)
        {
            yield return new Unit($"choices {set.Id}", Sentences(set.Choices.Select(ch => ch.Label)));
        }

        foreach (var term in c.Glossary)
        {
            yield return new Unit($"glossary {term.Term}", $"{term.Term}: {term.Explanation}");
        }

        // The records request letter the person prints, signs and sends (letters.yaml).
        yield return new Unit("letters intro", $"{c.Letters.Heading}. {c.Letters.Intro}");
        yield return new Unit("letters note", c.Letters.NotByLetterNote);
        yield return new Unit("letter", string.Join(" ", c.Letters.Letter.All.Select(t => t.TrimEnd(':') + ".")));
        foreach (var office in c.Letters.Offices)
        {
            yield return new Unit($"letter office {office.Id}", Sentences(office.Asks.Select(a => a.Value).Prepend(office.To)));
        }

        yield return new Unit("situation labels", Sentences(c.Situations.Select(s => s.Label)));
        yield return new Unit("queue names", Sentences(c.Routing.Queues.Select(q => q.PatientName)));
    }

    private static bool IsLabel(string text) =>
        Readability.Words(text).Count() <= LabelMaxWords && !text.TrimEnd().EndsWith('.') && !text.TrimEnd().EndsWith('?');

    private static string Sentences(IEnumerable<string> parts) => string.Join(". ", parts) + ".";

    /// <summary>Values the bot fills in are short, plain words; a name stands in for each.</summary>
    private static string FillPlaceholders(string text) => PlaceholderPattern().Replace(text, "Sam");

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex PlaceholderPattern();
}
