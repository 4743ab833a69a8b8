using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;
using SecondOpinionBot.Channels;

namespace SecondOpinionBot.Bot;

/// <summary>
/// Reads an incoming activity at the HTTP edge and rejects bad input with a short reason before anything runs or is
/// stored. Newtonsoft would quietly coerce wrong types (a number for text), so the shape is checked first.
/// </summary>
public static class ActivityRequestReader
{
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly (string Name, JTokenType Type)[] OptionalFields =
    [
        ("id", JTokenType.String), ("channelId", JTokenType.String), ("serviceUrl", JTokenType.String),
        ("text", JTokenType.String), ("locale", JTokenType.String), ("name", JTokenType.String),
        ("recipient", JTokenType.Object), ("channelData", JTokenType.Object), ("attachments", JTokenType.Array),
        ("entities", JTokenType.Array), ("membersAdded", JTokenType.Array), ("membersRemoved", JTokenType.Array),
        ("replyToId", JTokenType.String), ("textFormat", JTokenType.String),
    ];

    public static async Task<ActivityReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The request body is larger than 256 KB.");
        }

        var body = await LimitedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ActivityReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "The request body is larger than 256 KB.");
        }

        JObject json;
        try
        {
            json = JObject.Parse(body, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "The body is not a JSON object.");
        }

        var problem = FindShapeProblem(json);
        if (problem is not null)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, problem);
        }

        try
        {
            return ActivityReadResult.Ok(json.ToObject<Activity>()!);
        }
        catch (JsonException)
        {
            return ActivityReadResult.Fail(StatusCodes.Status400BadRequest, "A field has the wrong type.");
        }
    }

    private static string? FindShapeProblem(JObject json)
    {
        if (json["type"] is not JValue { Type: JTokenType.String } type || string.IsNullOrWhiteSpace((string?)type))
        {
            return "'type' is required and must be a string.";
        }

        foreach (var required in new[] { "conversation", "from" })
        {
            if (json[required] is not JObject account)
            {
                return $"'{required}' is required and must be an object.";
            }

            if (account["id"] is not JValue { Type: JTokenType.String } id || string.IsNullOrWhiteSpace((string?)id))
            {
                return $"'{required}.id' is required and must be a string.";
            }
        }

        foreach (var (name, expected) in OptionalFields)
        {
            var token = json[name];
            if (token is not null && token.Type != JTokenType.Null && token.Type != expected)
            {
                return $"'{name}' has the wrong type.";
            }
        }

        return null;
    }
}

public sealed record ActivityReadResult(Activity? Activity, int StatusCode, string? Reason)
{
    public static ActivityReadResult Ok(Activity activity) => new(activity, StatusCodes.Status200OK, null);

    public static ActivityReadResult Fail(int statusCode, string reason) => new(null, statusCode, reason);
}
