using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SecondOpinionBot.Handoff.Messages;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Storage.Protection;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Privacy;

/// <summary>
/// A database from before encryption at rest: its plain rows are encrypted when the host starts, not only when each row
/// is next written (a closed case never is), and the app still reads them.
/// </summary>
public sealed class LegacyPlaintextMigrationTests
{
    private const string Concern = "legacy-concern-sentinel-7731";
    private const string StaffText = "legacy-staff-message-sentinel-7732";
    private const string StateValue = "legacy-state-sentinel-7733";
    private const string StateKey = "webchat/users/legacy-user";

    [Fact]
    public async Task Plain_rows_written_before_encryption_are_encrypted_at_startup_and_still_read_back()
    {
        using var folder = new TemporaryFolder();
        var database = Path.Combine(folder.Path, "bot.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database, ["Handoff:Outbox:RunWorker"] = "false", ["Operations:RunMonitor"] = "false" };
        string reference;
        await using (var old = new BotAppFactory(settings))
        {
            var cases = old.Services.GetRequiredService<ICaseStore>();
            var details = Personas.Maya();
            details.Concern = Concern;
            var record = await cases.CreateAsync(new NewCase("webchat:legacy-user", QueueNames.SocialWork, null, CasePriority.Routine, null, details.ToCaseDetails()), CancellationToken.None);
            reference = record.Reference;
            await old.Services.GetRequiredService<ICaseMessageStore>().AddAsync(record.Id, MessageDirection.ToPatient, "staff-1", "Ana", StaffText, CancellationToken.None);
            await old.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object> { [StateKey] = new Dictionary<string, object> { ["note"] = StateValue } });
            // What an older version wrote: the same values, in plain text, and the journey's whole draft as the case's
            // details (format 1, before the case had its own snapshot).
            Execute(database, "UPDATE cases SET details = $v", JsonSerializer.Serialize(details, CaseDetailsJson.Options));
            Execute(database, "UPDATE case_messages SET text = $v", StaffText);
            Execute(database, "UPDATE bot_state SET document = $v WHERE key = '" + StateKey + "'", $$"""{"note":"{{StateValue}}","eTag":"1"}""");
            Assert.NotEmpty(EncryptionAtRestTests.RawHits(database, [Concern, StaffText, StateValue]));
        }

        SqliteConnection.ClearAllPools();
        await using var upgraded = new BotAppFactory(settings);
        await upgraded.Services.GetRequiredService<LegacyPlaintextMigration>().Completed.WaitAsync(TimeSpan.FromSeconds(30));
        var found = await upgraded.Services.GetRequiredService<ICaseStore>().FindAsync(reference, CancellationToken.None);

        Assert.Equal(Concern, found!.Details.Concern);
        Assert.Equal(StaffText, (await upgraded.Services.GetRequiredService<ICaseMessageStore>().ListAsync(found.Id, CancellationToken.None)).Single().Text);
        var state = await upgraded.Services.GetRequiredService<IStorage>().ReadAsync([StateKey]);
        Assert.Contains(StateValue, Newtonsoft.Json.JsonConvert.SerializeObject(state[StateKey]), StringComparison.Ordinal);
        foreach (var sql in new[] { "SELECT details FROM cases", "SELECT text FROM case_messages", $"SELECT document FROM bot_state WHERE key = '{StateKey}'" })
        {
            Assert.StartsWith(PatientDataProtector.Prefix, Intake.DatabaseScan.Text(database, sql), StringComparison.Ordinal);
        }

        SqliteConnection.ClearAllPools();
        var left = EncryptionAtRestTests.RawHits(database, [Concern, StaffText, StateValue]);
        Assert.True(left.Count == 0, string.Join("; ", left));
    }

    private static void Execute(string database, string sql, string value)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$v", value);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
