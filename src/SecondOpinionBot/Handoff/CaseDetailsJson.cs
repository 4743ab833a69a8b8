using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecondOpinionBot.Handoff;

/// <summary>
/// The one place case details become JSON and back. Format 1 rows (written before the snapshot existed) hold the
/// journey's draft; its answer fields have the same names as <see cref="CaseDetails"/>, and the draft's own fields
/// (position, revision, consent) are dropped on reading, so old rows read without a migration.
/// </summary>
public static class CaseDetailsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(CaseDetails details) =>
        JsonSerializer.Serialize(details with { Format = CaseDetails.CurrentFormat }, Options);

    /// <summary>Reads any stored format; an empty or erased row reads as <see cref="CaseDetails.Erased"/>.</summary>
    public static CaseDetails Read(string? json)
    {
        var details = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<CaseDetails>(json, Options);
        return details switch
        {
            null => CaseDetails.Erased,
            { Format: 0 } => details with { Format = 1 }, // the draft as stored before the snapshot: same field names
            _ => details,
        };
    }
}
