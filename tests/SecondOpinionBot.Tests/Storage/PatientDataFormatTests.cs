using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using SecondOpinionBot.Storage.Protection;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>
/// The stored form of patient content: compressed then encrypted now, and values written in the earlier uncompressed
/// form still read after the upgrade (no conversion runs; their next write rewrites them).
/// </summary>
public sealed class PatientDataFormatTests
{
    private const string Subject = "user:webchat/patient-a";

    private static readonly string Draft = """
        {"role":"patient","worries":["I was told it is stage 2 but the scan report says something else","what happens next"],
        "reasons":["diagnostic-clarity","treatment-confidence"],"questions":["Do you agree with the stage?","What would you do in my place?",
        "What are the risks of waiting a month?"],"records":["pathology-report","imaging","imaging-report","medication-list"],
        "needs":{"coverage":"not sure","travel":"needs help","caregiverTime":null,"money":null,"transport":"bus","housing":null},
        "urgency":"procedure-within-2-weeks","contact":{"preferred":"teams","bestTime":"mornings"}}
        """;

    [Fact]
    public void A_value_written_before_compression_still_reads_after_the_upgrade()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var old = SealTheEarlierWay(key, Subject, Draft);

        Assert.StartsWith(PatientDataFormat.Uncompressed, old, StringComparison.Ordinal);
        Assert.Equal(Draft, PatientDataFormat.Open(key, Subject, old));
        Assert.Null(PatientDataFormat.Open(key, "user:webchat/someone-else", old));
    }

    [Fact]
    public void Patient_json_kept_for_long_is_stored_in_well_under_the_space_it_took_before_and_reads_back_the_same()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var stored = PatientDataFormat.Seal(key, Subject, Draft, PatientDataCompression.Kept);

        Assert.StartsWith(PatientDataFormat.Current, stored, StringComparison.Ordinal);
        Assert.Equal(Draft, PatientDataFormat.Open(key, Subject, stored));
        Assert.True(stored.Length < SealTheEarlierWay(key, Subject, Draft).Length * 0.7, $"{stored.Length} characters stored");
    }

    [Fact]
    public void A_state_row_written_every_turn_is_compressed_cheaply_and_still_stored_in_under_three_quarters_of_its_plain_size()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var row = StateRow();
        var stored = PatientDataFormat.Seal(key, Subject, row, PatientDataCompression.Frequent);

        Assert.Equal(row, PatientDataFormat.Open(key, Subject, stored));
        Assert.True(stored.Length < PatientDataFormat.Seal(key, Subject, row, PatientDataCompression.None).Length * 0.75, $"{stored.Length} characters stored");
    }

    [Fact]
    public void A_value_below_the_cheap_settings_minimum_is_stored_without_trying_to_compress_it()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var small = StateRow()[..(PatientDataCompression.Frequent.MinimumBytes - 1)];
        var stored = PatientDataFormat.Seal(key, Subject, small, PatientDataCompression.Frequent);

        Assert.Equal(small, PatientDataFormat.Open(key, Subject, stored));
        Assert.Equal(PatientDataFormat.Seal(key, Subject, small, PatientDataCompression.None).Length, stored.Length);
    }

    /// <summary>
    /// Rows written before the quality changed (pd2: at quality 5, window 16) and at any other quality or window read the
    /// same: a Brotli stream carries its own window size, and decoding does not depend on the quality that wrote it.
    /// </summary>
    [Theory]
    [InlineData(0, 10)]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    [InlineData(2, 12)]
    [InlineData(3, 16)]
    [InlineData(4, 22)]
    [InlineData(5, 16)]
    [InlineData(5, 24)]
    [InlineData(11, 24)]
    public void A_value_compressed_at_any_brotli_quality_and_window_reads_back(int quality, int window)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        foreach (var text in new[] { Draft, StateRow() })
        {
            var stored = PatientDataFormat.Seal(key, Subject, text, new PatientDataCompression(quality, window, 0));
            Assert.True(stored.Length < PatientDataFormat.Seal(key, Subject, text, PatientDataCompression.None).Length, $"q{quality} w{window} did not compress");
            Assert.Equal(text, PatientDataFormat.Open(key, Subject, stored));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("Ünïcödé — 日本語 ✓")]
    public void Short_text_that_does_not_compress_is_kept_as_it_is_and_reads_back(string text)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(text, PatientDataFormat.Open(key, Subject, PatientDataFormat.Seal(key, Subject, text, PatientDataCompression.Kept)));
        Assert.Equal(text, PatientDataFormat.Open(key, Subject, PatientDataFormat.Seal(key, Subject, text, PatientDataCompression.Frequent)));
    }

    [Fact]
    public void A_value_relabelled_as_the_other_format_or_moved_to_another_subject_does_not_open()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var stored = PatientDataFormat.Seal(key, Subject, Draft, PatientDataCompression.Kept);
        var relabelled = PatientDataFormat.Uncompressed + stored[PatientDataFormat.Current.Length..];

        Assert.Null(PatientDataFormat.Open(key, Subject, relabelled));
        Assert.Null(PatientDataFormat.Open(key, "user:webchat/someone-else", stored));
        Assert.Null(PatientDataFormat.Open(RandomNumberGenerator.GetBytes(32), Subject, stored));
    }

    [Fact]
    public async Task Through_the_protector_new_values_are_compressed_and_a_shred_still_makes_them_unreadable()
    {
        using var db = new TestDatabase();
        var protector = new PatientDataProtector(db.Database, new EphemeralDataProtectionProvider(), TimeProvider.System);
        var stored = await protector.ProtectAsync(Subject, StateRow(), CancellationToken.None);
        var kept = await protector.ProtectKeptAsync(Subject, Draft, CancellationToken.None);

        Assert.StartsWith(PatientDataProtector.Prefix, stored, StringComparison.Ordinal);
        Assert.StartsWith(PatientDataProtector.Prefix, kept, StringComparison.Ordinal);
        Assert.DoesNotContain("stage", kept, StringComparison.Ordinal);
        Assert.True(stored.Length < StateRow().Length, $"{stored.Length} characters stored");
        Assert.True(kept.Length < Draft.Length, $"{kept.Length} characters stored");
        Assert.Equal(StateRow(), await protector.UnprotectAsync(Subject, stored, CancellationToken.None));
        Assert.Equal(Draft, await protector.UnprotectAsync(Subject, kept, CancellationToken.None));

        await protector.ShredAsync(Subject, CancellationToken.None);
        Assert.Null(await protector.UnprotectAsync(Subject, stored, CancellationToken.None));
        Assert.Null(await protector.UnprotectAsync(Subject, kept, CancellationToken.None));
    }

    /// <summary>A user state row as the state store writes it every turn: the draft's JSON as a string inside the row's JSON.</summary>
    private static string StateRow() => new Newtonsoft.Json.Linq.JObject
    {
        ["IntakeDraft"] = Draft,
        ["DialogStack"] = """{"flowVersion":"3f9a1c2e","revision":14,"frames":[{"dialogId":"intake","version":"7","step":5,"values":{"started":"2026-11-24T10:00:00-06:00"},"inner":[{"dialogId":"questions","step":2,"attempts":1,"options":{"prompt":"questions.pick","choices":["q-options","q-risks","q-wait","q-records"]},"values":{"picked":["q-options","q-risks"]}}]}]}""",
    }.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The "pd1:" form as it was written before compression: UTF-8 under AES-GCM, the subject as associated data.</summary>
    private static string SealTheEarlierWay(byte[] key, string subject, string plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + 16 + clear.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), clear, output.AsSpan(28), output.AsSpan(12, 16), Encoding.UTF8.GetBytes(subject));
        return "pd1:" + Convert.ToBase64String(output);
    }
}
