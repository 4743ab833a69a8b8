using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.PrepSheets;

/// <param name="Token">The secret part of the link; shown once to the user, never stored or logged.</param>
/// <param name="Path">"/prep/{token}", relative to the bot's public address.</param>
/// <param name="Url">The absolute link when <see cref="PrepSheetOptions.PublicBaseUrl"/> is set.</param>
public sealed record PrepSheetLink(string Token, string Path, Uri? Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Prep-sheet links in SQLite: the token's hash, the owner, the expiry and the answers as they were when the link was
/// made (<see cref="PrepSheetAnswers"/>: ids and the person's own words, no wording), encrypted with the owner's key.
/// Rows written before answers were stored hold the whole rendered sheet; they are served as they are until they expire.
/// </summary>
public sealed class PrepSheetLinkStore(BotDatabase database, IOptions<PrepSheetOptions> options, TimeProvider clock, Storage.Protection.IPatientDataProtector protector) : IPrepSheetLinkStore
{
    public const string PathPrefix = "/prep/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<PrepSheetLink> CreateAsync(string ownerKey, PrepSheetAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerKey);
        ArgumentNullException.ThrowIfNull(answers);
        var token = PrepSheetToken.New();
        var now = clock.GetUtcNow();
        var expires = now.AddDays(options.Value.LinkLifetimeDays);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO prep_sheet_links (token_hash, owner_key, created_at, expires_at, sheet)
            VALUES (@hash, @owner, @created, @expires, @sheet)
            """;
        command.Parameters.AddWithValue("@hash", PrepSheetToken.Hash(token));
        command.Parameters.AddWithValue("@owner", ownerKey);
        command.Parameters.AddWithValue("@created", now);
        command.Parameters.AddWithValue("@expires", expires);
        command.Parameters.AddWithValue("@sheet", await protector.ProtectKeptAsync(ownerKey, JsonSerializer.Serialize(answers, Json), cancellationToken));
        await command.ExecuteNonQueryAsync(cancellationToken);

        var path = PathPrefix + token;
        var baseUrl = options.Value.PublicBaseUrl;
        var url = string.IsNullOrWhiteSpace(baseUrl) ? null : new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), path.TrimStart('/'));
        return new PrepSheetLink(token, path, url, expires);
    }

    /// <summary>The sheet behind a token, worded by <paramref name="words"/>; null when the token is unknown, malformed, expired or revoked.</summary>
    public async Task<PrepSheet?> FindAsync(string? token, PrepSheetWords words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (!PrepSheetToken.LooksValid(token))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner_key, sheet FROM prep_sheet_links WHERE token_hash = @hash AND expires_at > @now";
        command.Parameters.AddWithValue("@hash", PrepSheetToken.Hash(token!));
        command.Parameters.AddWithValue("@now", clock.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var json = await protector.UnprotectAsync(reader.GetString(0), reader.GetString(1), cancellationToken);
        if (json is null)
        {
            return null;
        }

        // A rendered sheet has a title; answers do not.
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("title", out _)
            ? document.Deserialize<PrepSheet>(Json)
            : words.Render(document.Deserialize<PrepSheetAnswers>(Json)!);
    }

    /// <summary>The owner's links that still work: how many, and when the last one expires.</summary>
    public async Task<(int Count, DateTimeOffset? LastExpiry)> DescribeAsync(string ownerKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(expires_at) FROM prep_sheet_links WHERE owner_key = @owner AND expires_at > @now";
        command.Parameters.AddWithValue("@owner", ownerKey);
        command.Parameters.AddWithValue("@now", clock.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        return (count, reader.IsDBNull(1) ? null : reader.GetTime(1));
    }

    /// <summary>Deletes every link of the owner, with the sheet content stored for it.</summary>
    public Task<int> RevokeAllAsync(string ownerKey, CancellationToken cancellationToken) =>
        DeleteAsync("owner_key = @value", ownerKey, cancellationToken);

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) =>
        DeleteAsync("expires_at <= @value", clock.GetUtcNow(), cancellationToken);

    private async Task<int> DeleteAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM prep_sheet_links WHERE {where}";
        command.Parameters.AddWithValue("@value", value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
