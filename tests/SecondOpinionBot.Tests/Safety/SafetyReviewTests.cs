using System.Security.Cryptography;
using System.Text;
using SecondOpinionBot.Content;
using SecondOpinionBot.Tests.Content;

namespace SecondOpinionBot.Tests.Safety;

/// <summary>
/// Emergency phrases and emergency or crisis wording are clinical content: dialogs/SAFETY-REVIEW.md records who
/// reviewed them, when, and the SHA-256 of what they reviewed. Changing emergency.yaml or those messages without a new
/// review entry fails here, with the new hashes to put in the entry.
/// </summary>
public sealed class SafetyReviewTests
{
    /// <summary>The messages that tell people what to do in an emergency or a crisis.</summary>
    public static readonly MessageKey[] ClinicalMessages =
    [
        MessageKeys.EmergencyMedical, MessageKeys.EmergencySelfHarm, MessageKeys.EmergencySelfHarmNote, MessageKeys.EmergencyResume,
        MessageKeys.EmergencyResumed, MessageKeys.WelcomeWhatIDoNot, MessageKeys.SituationSymptomsFast, MessageKeys.PrepSheetFooter,
        MessageKeys.HandoffMessageReceived,
    ];

    /// <summary>Every language folder: its emergency phrases and its emergency and crisis wording are reviewed alike.</summary>
    public static TheoryData<string> Languages() => [.. ContentFixture.Catalogs.Cultures.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_latest_review_entry_covers_the_current_emergency_phrases_and_wording(string culture)
    {
        var review = File.ReadAllText(Path.Combine(ContentFixture.DialogsDirectory, "SAFETY-REVIEW.md"));
        var latest = review.Split("\n## ", StringSplitOptions.None)[^1];
        var phrases = PhrasesHash(culture);
        var wording = WordingHash(culture);
        var prefix = culture == ContentFixture.English.Culture ? "" : culture + "/";

        Assert.True(latest.Contains(phrases, StringComparison.Ordinal) && latest.Contains(wording, StringComparison.Ordinal),
            $"The emergency phrases or the emergency/crisis wording in dialogs/{culture} changed since the last entry in dialogs/SAFETY-REVIEW.md. " +
            "Have them reviewed, then add an entry (newest last) with who reviewed them, when, and (for every language):\n" +
            $"- {prefix}emergency.yaml sha256: {phrases}\n- {prefix}emergency and crisis messages sha256: {wording}");
        Assert.Contains("reviewed by:", latest, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_change_to_the_wording_changes_its_hash()
    {
        Assert.NotEqual(WordingHash("en"), Hash(Wording("en") + " "));
    }

    private static string PhrasesHash(string culture) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(ContentFixture.DialogsDirectory, culture, ContentFiles.Emergency))));

    private static string WordingHash(string culture) => Hash(Wording(culture));

    /// <summary>Each message as "key: text" on its own line, in the order above.</summary>
    private static string Wording(string culture) =>
        string.Join("\n", ClinicalMessages.Select(k => $"{k.Name}: {ContentFixture.Catalogs.For(culture).Messages.Get(k)}"));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
