using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SecondOpinionBot.Dialogs.Cards;

namespace SecondOpinionBot.Dialogs.Tests;

/// <summary>
/// The card the SDK sends is the card that was built: the Newtonsoft object handed to the SDK is, token for token and
/// type for type, what reading the card's JSON text with Newtonsoft gives (as the SDK would read it back).
/// </summary>
public sealed class CardSdkContentTests
{
    [Fact]
    public void A_built_card_reaches_the_sdk_exactly_as_its_json_text_reads()
    {
        var card = new AdaptiveCard()
            .Add(CardElements.Text("Résumé · “quotes” \\ back\nslash </script> 😀"))
            .Add(new JsonObject
            {
                ["type"] = "Input.Date",
                ["id"] = "when",
                ["value"] = "2026-12-01",
                ["min"] = "2026-12-01T10:00:00-06:00",
                ["max"] = "2026-12-01T10:00:00Z",
                ["placeholder"] = "/Date(1764590400000)/",
                ["label"] = "1234567890-T-not-a-date",
                ["isRequired"] = true,
                ["isVisible"] = false,
                ["maxLength"] = 500,
                ["big"] = 9_000_000_000L,
                ["ratio"] = 1.5,
                ["whole"] = 2.0,
                ["tiny"] = 1e-7,
                ["nothing"] = null,
                ["empty"] = "",
                ["list"] = new JsonArray(1, "two", null, true, new JsonObject { ["deep"] = new JsonArray() }),
            })
            .Action(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send", ["data"] = new CardTag("prompt", 3).ToData() });
        var json = card.ToJson();
        var parsed = JsonNode.Parse(AdaptiveCard.Text(json))!.AsObject(); // values backed by JsonElement, as after storage

        foreach (var subject in new[] { json, parsed })
        {
            var expected = JObject.Parse(AdaptiveCard.Text(subject));
            var sent = AdaptiveCard.SdkContent(subject);

            Assert.True(JToken.DeepEquals(expected, sent), sent.ToString());
            Assert.Equal(expected.ToString(Formatting.None), sent.ToString(Formatting.None));
            Assert.Equal(Types(expected), Types(sent));
        }
    }

    private static List<string> Types(JObject token) =>
        [.. token.DescendantsAndSelf().Select(t => $"{t.Path}:{t.Type}:{(t as JValue)?.Value?.GetType().Name}")];
}
