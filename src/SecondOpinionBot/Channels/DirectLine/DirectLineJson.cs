using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SecondOpinionBot.Channels.DirectLine;

/// <summary>Activities are Bot Framework schema types (Newtonsoft attributes), so Direct Line bodies use Newtonsoft too.</summary>
public static class DirectLineJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 32,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>The activity in a request body, or null when the body is not one JSON object or is over the size limit.</summary>
    public static async Task<Activity?> ReadActivityAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var sizeLimit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return JToken.Parse(text) is JObject json ? json.ToObject<Activity>(JsonSerializer.Create(Settings)) : null;
        }
        catch (Exception exception) when (exception is JsonException or BadHttpRequestException)
        {
            return null;
        }
    }

    public static IResult Ok(object body, int statusCode = StatusCodes.Status200OK)
        => Results.Content(Serialize(body), "application/json", statusCode: statusCode);

    public static IResult Error(int statusCode, string code, string message)
        => Results.Content(Serialize(new { error = new { code, message } }), "application/json", statusCode: statusCode);

    /// <summary>The GET activities body, built from stored JSON without re-parsing each activity.</summary>
    public static IResult ActivitySet(IReadOnlyList<StoredActivity> activities, long watermark)
    {
        var body = new JObject
        {
            ["activities"] = new JArray(activities.Select(activity => new JRaw(activity.Json))),
            ["watermark"] = watermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Results.Content(body.ToString(Formatting.None), "application/json");
    }
}
