using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Privacy;

namespace SecondOpinionBot.Tests.Intake;

/// <summary>
/// How a person answers what is on screen: a button by its label, or the choices of a card ticked and sent, the way
/// Web Chat and Teams post them. Also reads back what the bot stored for the user.
/// </summary>
public static class JourneyAnswers
{
    /// <summary>Picks choices by the labels the user sees: ticks them on the turn's choice card, else clicks the button.</summary>
    public static Task<BotTurn> ChooseAsync(this JourneyChat chat, BotTurn shown, params string[] labels)
    {
        if (shown.Cards.LastOrDefault(IsChoiceCard) is { } card)
        {
            var choices = card["body"]!.First(b => b["type"]?.ToString() == "Input.ChoiceSet")["choices"]!;
            var values = labels.Select(label => choices.FirstOrDefault(c => c["title"]!.ToString() == label)?["value"]!.ToString()
                ?? throw new InvalidOperationException($"The card has no choice \"{label}\": {string.Join(" | ", choices.Select(c => c["title"]))}"));
            var data = (JObject)card["actions"]![0]!["data"]!.DeepClone();
            data["answer"] = string.Join(",", values);
            return chat.SubmitAsync(data);
        }

        Assert.Single(labels);
        Assert.Contains(labels[0], shown.SuggestedActions);
        return chat.SayAsync(labels[0]);
    }

    public static bool IsChoiceCard(JObject card) =>
        card["body"] is JArray body && body.Any(b => b["type"]?.ToString() == "Input.ChoiceSet");

    /// <summary>The records checklist card: one Input.ChoiceSet per record, ids "record.&lt;id&gt;".</summary>
    public static JObject? RecordsCard(this BotTurn turn) =>
        turn.Cards.LastOrDefault(card => RecordInputs(card).Any());

    public static IEnumerable<JObject> RecordInputs(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => o["type"]?.ToString() == "Input.ChoiceSet" && o["id"]?.ToString().StartsWith("record.", StringComparison.Ordinal) == true);

    /// <summary>The record titles on the records card, in order (the input labels without their numbers).</summary>
    public static IReadOnlyList<string> RecordTitles(this BotTurn turn) =>
        turn.RecordsCard() is { } card ? RecordInputs(card).Select(i => System.Text.RegularExpressions.Regex.Replace(i["label"]!.ToString(), @"^\d+\.\s*", "")).ToList() : [];

    /// <summary>Marks rows of the records card by (part of) their title and taps Save, as Web Chat and Teams post it.</summary>
    public static Task<BotTurn> MarkRecordsAsync(this JourneyChat chat, BotTurn shown, IReadOnlyList<(string Record, string Status)> marks, string? others)
    {
        var card = shown.RecordsCard() ?? throw new InvalidOperationException("No records card:\n" + shown.AllText);
        var data = (JObject)card["actions"]![0]!["data"]!.DeepClone();
        var used = new HashSet<string>();
        foreach (var input in RecordInputs(card))
        {
            var label = input["label"]!.ToString();
            var mark = marks.FirstOrDefault(m => label.Contains(m.Record, StringComparison.OrdinalIgnoreCase));
            var status = mark.Record is not null ? mark.Status : others;
            if (mark.Record is not null)
            {
                used.Add(mark.Record);
            }

            if (status is null)
            {
                continue;
            }

            // The card's short labels ("Need help") or the full ones used elsewhere ("I need help getting it").
            data[input["id"]!.ToString()] = input["choices"]!.FirstOrDefault(c => status.Contains(c["title"]!.ToString(), StringComparison.OrdinalIgnoreCase))?["value"]
                ?? throw new InvalidOperationException($"No status \"{status}\" on the records card.");
        }

        var missing = marks.Select(m => m.Record).Where(r => !used.Contains(r)).ToList();
        Assert.True(missing.Count == 0, $"The records card has no row for: {string.Join(", ", missing)}. Rows: {string.Join(" | ", shown.RecordTitles())}");
        return chat.SubmitAsync(data);
    }

    /// <summary>The labels of the choice card in this turn.</summary>
    public static IReadOnlyList<string> CardChoices(this BotTurn turn) =>
        turn.Cards.Where(IsChoiceCard)
            .SelectMany(c => c["body"]!.First(b => b["type"]?.ToString() == "Input.ChoiceSet")["choices"]!)
            .Select(c => c["title"]!.ToString()).ToList();

    /// <summary>The user's saved draft as the bot stores it in user state; null when nothing is stored for the user.</summary>
    public static async Task<IntakeDraft?> StoredDraftAsync(this JourneyChat chat)
    {
        var document = await chat.UserStateAsync();
        return document?[IntakeDraft.StatePropertyName] is JObject draft
            ? JsonSerializer.Deserialize<IntakeDraft>(draft.ToString(Newtonsoft.Json.Formatting.None), DialogJson.Options)
            : null;
    }

    /// <summary>The raw user-state document; null when storage holds nothing for this user.</summary>
    public static async Task<JObject?> UserStateAsync(this JourneyChat chat)
    {
        var key = new PatientIdentity(chat.ChannelId, chat.UserId, chat.ConversationId).UserStateKey;
        var storage = chat.Factory.Services.GetRequiredService<IStorage>();
        var stored = await storage.ReadAsync([key]);
        return stored.TryGetValue(key, out var value) ? value as JObject ?? JObject.FromObject(value) : null;
    }

    public static Task<CaseRecord?> LatestCaseAsync(this JourneyChat chat) =>
        chat.Factory.Services.GetRequiredService<ICaseStore>()
            .FindLatestForOwnerAsync(PatientIdentity.OwnerKeyOf(chat.ChannelId, chat.UserId), CancellationToken.None);
}
