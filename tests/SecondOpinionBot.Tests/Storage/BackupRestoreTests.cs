using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Storage.Protection;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Tests.Staff;
using SecondOpinionBot.Tests.Support;

namespace SecondOpinionBot.Tests.Storage;

/// <summary>The README's backup and restore (pg_dump, pg_restore into a fresh database) brings back every case.</summary>
public sealed class BackupRestoreTests : IPostgresTests
{
    [StorageFact]
    public async Task A_dump_restored_into_a_fresh_database_has_every_case_and_erased_patients_stay_unreadable()
    {
        using var db = new TestDatabase(StorageProvider.PostgreSQL, new CaseSchema());
        var keys = new EphemeralDataProtectionProvider();
        var protector = new PatientDataProtector(db.Database, keys, TimeProvider.System);
        var cases = new SqliteCaseStore(db.Database, TimeProvider.System, protector);
        var made = new List<CaseRecord>();
        for (var i = 0; i < 5; i++)
        {
            made.Add(await cases.CreateAsync(new NewCase($"webchat:patient-{i}", QueueNames.SocialWork, null, CasePriority.Routine, null, Personas.Maya().ToCaseDetails()), CancellationToken.None));
        }

        // Patient 0 asked to be forgotten before the backup: their data key is gone.
        await protector.ShredAsync("webchat:patient-0", CancellationToken.None);

        var source = new NpgsqlConnectionStringBuilder(db.Options.PostgresConnectionString);
        var dump = Path.Combine(Path.GetTempPath(), $"so-{Guid.NewGuid():N}.dump");
        var restored = "so_restore_" + Guid.NewGuid().ToString("N")[..12];
        await AdminAsync($"CREATE DATABASE {restored}");
        try
        {
            await RunAsync("pg_dump", source, "--format=custom", "--no-owner", $"--schema={source.SearchPath}", $"--file={dump}", source.Database!);
            await RunAsync("pg_restore", source, "--no-owner", $"--dbname={restored}", dump);

            var target = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = restored };
            var options = new StorageOptions { Provider = StorageProvider.PostgreSQL, PostgresConnectionString = target.ConnectionString };
            await using var database = new BotDatabase(
                Microsoft.Extensions.Options.Options.Create(options),
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() },
                [new PatientKeySchema(), new CaseSchema()]);
            var back = new SqliteCaseStore(database, TimeProvider.System, new PatientDataProtector(database, keys, TimeProvider.System));

            foreach (var record in made)
            {
                var found = await back.FindAsync(record.Reference, CancellationToken.None);
                Assert.NotNull(found);
                Assert.Equal(record.OwnerKey, found.OwnerKey);
                Assert.Equal(record.OwnerKey == "webchat:patient-0" ? null : "Maya", found.Details.PatientFirstName);
            }

            NpgsqlConnection.ClearAllPools();
        }
        finally
        {
            File.Delete(dump);
            await AdminAsync($"DROP DATABASE IF EXISTS {restored} WITH (FORCE)");
        }
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await errors}");
    }
}
