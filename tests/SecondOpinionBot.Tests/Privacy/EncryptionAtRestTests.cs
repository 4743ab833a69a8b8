using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;
using SecondOpinionBot.Tests.Intake;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Privacy;

/// <summary>
/// The database file and its WAL read as bytes, the way someone who copied them (or a backup) would: patient content
/// is never there in plain text, and after "delete my data" what was copied earlier can no longer be decrypted.
/// </summary>
public sealed class EncryptionAtRestTests
{
    private static readonly string[] Values = [.. Sentinels.All, "555 013 9472", "Riverside Clinic"];

    [Fact]
    public async Task No_patient_value_is_in_the_database_or_its_wal_in_plain_text_after_a_whole_journey_in_both_channels()
    {
        var factory = new BotAppFactory(new() { ["PrepSheets:PublicBaseUrl"] = "https://bot.example.org", ["Handoff:Outbox:RunWorker"] = "false" }, WebChatPatient.InMemory);
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var web = await WebChatPatient.OpenAsync(factory);
        await AnsweringScript.CompleteJourneyAsync(web.SayAsync);
        var record = (await CaseFlowTests.LatestCaseAsync(chat))!;
        var messages = factory.Services.GetRequiredService<SecondOpinionBot.Handoff.Messages.ICaseMessageStore>();
        await messages.AddAsync(record.Id, SecondOpinionBot.Handoff.Messages.MessageDirection.ToPatient, "staff-1", "Ana", $"About your {Sentinels.Diagnosis}: call {Sentinels.Phone}", CancellationToken.None);
        Assert.Contains(Sentinels.Diagnosis, (await messages.ListAsync(record.Id, CancellationToken.None)).Single().Text, StringComparison.Ordinal);

        var hits = RawHits(factory.DatabasePath, Values);

        Assert.True(hits.Count == 0, string.Join("; ", hits));
        // The app itself still reads everything back.
        Assert.NotEmpty(DatabaseScan.Find(factory.DatabasePath, [Sentinels.Diagnosis], Protector(factory), onlyTable: "cases"));
        Assert.NotEmpty(DatabaseScan.Find(factory.DatabasePath, [Sentinels.Question], Protector(factory), onlyTable: "directline_activities"));
        Assert.NotEmpty(DatabaseScan.Find(factory.DatabasePath, [Sentinels.Question], Protector(factory), onlyTable: "prep_sheet_links"));
    }

    [Fact]
    public async Task After_delete_my_data_a_copy_taken_before_can_no_longer_be_decrypted_and_the_live_files_hold_no_key()
    {
        var factory = new BotAppFactory(new() { ["PrepSheets:PublicBaseUrl"] = "https://bot.example.org", ["Handoff:Outbox:RunWorker"] = "false" });
        await using var chat = await JourneyChat.StartAsync(factory: factory);
        var card = AnsweringScript.SummaryCard(await chat.CompleteJourneyAsync())!;
        await chat.SubmitAsync(AnsweringScript.ConfirmPayload(card));
        var owner = PatientDataSubjects.Owner(chat.ChannelId, chat.UserId);
        var copy = CopyDatabase(factory.DatabasePath);
        var copiedDetails = Column(copy, "SELECT details FROM cases");
        var wrappedKey = Column(copy, $"SELECT wrapped_key FROM patient_keys WHERE subject = '{owner}'");
        Assert.StartsWith(PatientDataProtector.Prefix, copiedDetails, StringComparison.Ordinal);
        Assert.NotNull(await Protector(factory).UnprotectAsync(owner, copiedDetails, CancellationToken.None));

        await chat.SayAsync("delete my data");
        var done = await chat.SayAsync("yes");

        Assert.True(done.Says(MessageKeys.CommandsDeleted), done.AllText);
        Assert.Null(await Protector(factory).UnprotectAsync(owner, copiedDetails, CancellationToken.None));
        Assert.Equal(0, DatabaseScan.Scalar(factory.DatabasePath, $"SELECT COUNT(*) FROM patient_keys WHERE subject = '{owner}'"));
        var keyLeft = RawHits(factory.DatabasePath, [wrappedKey[..40]]);
        Assert.True(keyLeft.Count == 0, "the wrapped key is still in " + string.Join("; ", keyLeft));
        Assert.Empty(RawHits(factory.DatabasePath, Values));
    }

    private static IPatientDataProtector Protector(BotAppFactory factory) => factory.Services.GetRequiredService<IPatientDataProtector>();

    /// <summary>Which of the database's files (main, -wal, -shm) contain which values, byte for byte.</summary>
    internal static List<string> RawHits(string databasePath, IEnumerable<string> values)
    {
        var hits = new List<string>();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var memory = new MemoryStream())
            {
                stream.CopyTo(memory);
                bytes = memory.ToArray();
            }

            foreach (var value in values)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0)
                {
                    hits.Add($"{Path.GetFileName(file)} contains '{value}'");
                }
            }
        }

        return hits;
    }

    private static string CopyDatabase(string databasePath)
    {
        var copy = Path.Combine(Path.GetDirectoryName(databasePath)!, "copy-" + Guid.NewGuid().ToString("N") + ".db");
        using var source = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        source.Open();
        using var target = new SqliteConnection($"Data Source={copy};Pooling=False");
        source.BackupDatabase(target);
        return copy;
    }

    private static string Column(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
