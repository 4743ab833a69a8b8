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

    /// <summary>The labels of the choice card in this turn.</summary>
    public static IReadOnlyList<string> CardChoices(this BotTurn turn) =>
        turn.Cards.Where(IsChoiceCard)
            .SelectMany(c => c["body"]!.First(b => b["type"]?.ToString() == "Input.ChoiceSet")["choices"]!)
            .Select(c => c["title"]!.ToString()).ToList();

    /// <summary>The user's saved draft as the bot stores it in user state; null when nothing is stored for the user.</summary>
    public static async Task<IntakeDraft?> StoredDraftAsync(this JourneyChat chat)
    {
        var document = await chat.UserStateAsync();
        return document?[IntakeDraft.StatePropertyName] is JValue { Type: JTokenType.String } text
            ? JsonSerializer.Deserialize<IntakeDraft>((string)text!, DialogJson.Options)
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
