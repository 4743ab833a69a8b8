using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.PrepSheets;
using SecondOpinionBot.Storage;
using SecondOpinionBot.Storage.Protection;

namespace SecondOpinionBot.Bench;

/// <summary>
/// `-- compression [--from FOLDER] [--few]`: what sealing one patient value costs (CPU time of <see cref="PatientDataFormat.Seal(byte[], string, string, PatientDataCompression)"/>:
/// compression, AES-GCM and base64 together) and how long the stored text is, for Brotli qualities 0-5, a few window
/// sizes and no compression, on values shaped as the host writes them: the two state rows written on every turn (a
/// draft part-way and its dialog stack), and the rows written once per case (the case snapshot, the prep sheet's
/// answers). With --from, the rows of a kept load-run host folder (`load --keep-files`) are added, decrypted with that
/// folder's own master key: real values from real journeys.
/// </summary>
public static class CompressionBench
{
    private const int Rounds = 5;
    private static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(150);

    private static readonly PatientDataCompression[] Few =
        [PatientDataCompression.None, PatientDataCompression.Frequent, new(1, 16, 0), PatientDataCompression.Kept];

    private static readonly PatientDataCompression[] All =
    [
        PatientDataCompression.None,
        .. from quality in Enumerable.Range(0, 6)
           from window in new[] { 12, 16, 22 }
           select new PatientDataCompression(quality, window, 0),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var from = args.SkipWhile(a => a != "--from").Skip(1).FirstOrDefault();
        var settings = args.Contains("--few") ? Few : All;
        var samples = BuiltIn().ToList();
        if (from is not null)
        {
            samples.AddRange(await FromHostFolderAsync(from));
        }

        output.WriteLine($"compression: {Environment.ProcessorCount} cores, {samples.Count} values; time is the whole seal (compress, AES-GCM, base64), best of {Rounds} rounds");
        output.WriteLine();
        var key = RandomNumberGenerator.GetBytes(32);
        const string subject = "user:msteams/bench-patient";
        var results = new Dictionary<(string Sample, PatientDataCompression Setting), (double Micros, int Chars, double OpenMicros)>();
        foreach (var sample in samples)
        {
            foreach (var setting in settings)
            {
                var stored = PatientDataFormat.Seal(key, subject, sample.Text, setting);
                if (PatientDataFormat.Open(key, subject, stored) != sample.Text)
                {
                    throw new InvalidOperationException($"{sample.Name} at {Label(setting)} does not read back.");
                }

                var seal = Time(() => PatientDataFormat.Seal(key, subject, sample.Text, setting));
                var open = Time(() => PatientDataFormat.Open(key, subject, stored));
                results[(sample.Name, setting)] = (seal, stored.Length, open);
            }
        }

        output.WriteLine($"{"value",-34} {"UTF-8 B",8} " + string.Join(" ", settings.Select(s => $"{Label(s),13}")));
        foreach (var sample in samples)
        {
            output.Write($"{sample.Name,-34} {Encoding.UTF8.GetByteCount(sample.Text),8} ");
            output.WriteLine(string.Join(" ", settings.Select(s => $"{Cell(results[(sample.Name, s)]),13}")));
        }

        output.WriteLine();
        output.WriteLine("(each cell: stored characters / µs per seal)");
        output.WriteLine();
        output.WriteLine("Per setting: the values written on every turn (µs per seal, mean) and the rows a finished conversation keeps (stored characters, sum); open is µs per read, mean over all values");
        output.WriteLine($"{"setting",-13} {"turn µs",9} {"turn chars",11} {"kept chars",11} {"open µs",9}");
        foreach (var setting in settings)
        {
            var turn = samples.Where(s => s.EveryTurn).Select(s => results[(s.Name, setting)]).ToList();
            var kept = samples.Where(s => s.Kept).Select(s => results[(s.Name, setting)]).ToList();
            output.WriteLine($"{Label(setting),-13} {turn.Average(r => r.Micros),9:0.0} {turn.Sum(r => r.Chars),11:#,0} {kept.Sum(r => r.Chars),11:#,0} {samples.Average(s => results[(s.Name, setting)].OpenMicros),9:0.0}");
        }

        output.WriteLine();
        output.WriteLine("Where compression starts to pay: the first characters of each value, stored characters / µs per seal");
        int[] lengths = [128, 256, 384, 448, 512, 640, 768, 1024];
        output.WriteLine($"{"setting",-13} " + string.Join(" ", lengths.Select(l => $"{l + " B",11}")));
        foreach (var setting in Few)
        {
            output.Write($"{Label(setting) + (setting.MinimumBytes is > 0 and < int.MaxValue ? "*" : ""),-13} ");
            output.WriteLine(string.Join(" ", lengths.Select(length =>
            {
                var prefixes = samples.Where(v => v.Text.Length >= length).Select(v => v.Text[..length]).ToList();
                var sealedAll = prefixes.Select(p => PatientDataFormat.Seal(key, subject, p, setting with { MinimumBytes = 0 })).ToList();
                var micros = prefixes.Average(p => Time(() => PatientDataFormat.Seal(key, subject, p, setting with { MinimumBytes = 0 })));
                return string.Create(CultureInfo.InvariantCulture, $"{sealedAll.Average(x => x.Length),5:0}/{micros,4:0.0}").PadLeft(11);
            })));
        }

        output.WriteLine("(* its minimum is ignored in this table)");
        output.WriteLine();
        output.WriteLine($"The host writes state rows and transcripts with {Label(PatientDataCompression.Frequent)} from {PatientDataCompression.Frequent.MinimumBytes} bytes, values kept for long with {Label(PatientDataCompression.Kept)} from {PatientDataCompression.Kept.MinimumBytes} bytes.");
        return 0;
    }

    private static string Label(PatientDataCompression setting) =>
        setting == PatientDataCompression.None ? "none" : $"q{setting.Quality} w{setting.Window}";

    private static string Cell((double Micros, int Chars, double OpenMicros) result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Chars}/{result.Micros:0.0}");

    /// <summary>Microseconds per call: the best of several rounds of as many calls as fit in a round (others share the machine).</summary>
    private static double Time(Func<string?> seal)
    {
        for (var i = 0; i < 50; i++)
        {
            seal();
        }

        var best = double.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var calls = 0;
            var start = Stopwatch.GetTimestamp();
            TimeSpan elapsed;
            do
            {
                seal();
                calls++;
                elapsed = Stopwatch.GetElapsedTime(start);
            }
            while (elapsed < RoundTime);
            best = Math.Min(best, elapsed.TotalMicroseconds / calls);
        }

        return best;
    }

    private sealed record Value(string Name, string Text, bool EveryTurn, bool Kept);

    private static readonly JsonSerializerOptions PrepSheetJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The storage bench's state rows (as the state store writes them: a property bag as JSON) and one case's rows.</summary>
    private static IEnumerable<Value> BuiltIn()
    {
        var state = StorageBench.StateDocuments(0);
        foreach (var (key, bag) in state)
        {
            var text = Newtonsoft.Json.Linq.JObject.FromObject(bag).ToString(Newtonsoft.Json.Formatting.None);
            yield return new Value(key.Contains("/users/", StringComparison.Ordinal) ? "draft part-way (state row)" : "dialog stack (state row)", text, EveryTurn: true, Kept: true);
        }

        var draft = StorageBench.PartWayDraft();
        draft.Questions.AddRange(["q-second-look", "Can I keep working while I wait for the operation?"]);
        draft.Records["medications"] = RecordStatus.Have;
        draft.Needs.AddRange(["caregiver-time", "coverage"]);
        draft.NeedsNote = "My brother can drive her on Tuesdays only.";
        draft.ContactMethods.Add("email");
        draft.Phone = "+1 555 010 4477";
        draft.Email = "ana.perez@example.org";
        draft.ContactTimes = "mornings";
        var details = draft.ToCaseDetails("en");
        yield return new Value("case snapshot (cases.details)", CaseDetailsJson.Write(details), EveryTurn: false, Kept: true);
        yield return new Value("prep sheet answers (link row)", JsonSerializer.Serialize(PrepSheetAnswers.From(details, "SO-7KQ2-9F", DateTimeOffset.Parse("2026-11-24T16:05:00Z", CultureInfo.InvariantCulture), "en"), PrepSheetJson), EveryTurn: false, Kept: true);
        yield return new Value("staff message to the patient", "Hi Ana, I am the social worker on your mother's case. I will call you tomorrow morning about transport.", EveryTurn: false, Kept: false);
    }

    /// <summary>Every patient value a kept host folder holds, decrypted with that folder's master key ("master.key" next to bot.db).</summary>
    private static async Task<IEnumerable<Value>> FromHostFolderAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Staging" });
        builder.Configuration["Storage:SqlitePath"] = Path.Combine(folder, "bot.db");
        builder.AddBotStorage();
        await using var app = builder.Build();
        var protector = app.Services.GetRequiredService<IPatientDataProtector>();
        var rows = new List<(string Kind, string Subject, string Stored)>();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bot.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            connection.Open();
            void Read(string kind, string sql, Func<SqliteDataReader, string> subject)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((kind, subject(reader), reader.GetString(0)));
                }
            }

            Read("state row", "SELECT document, key FROM bot_state", r => PatientDataSubjects.OfStateKey(r.GetString(1)));
            Read("case snapshot", "SELECT details, owner_key FROM cases", r => r.GetString(1));
            Read("prep sheet answers", "SELECT sheet, owner_key FROM prep_sheet_links", r => r.GetString(1));
        }

        var values = new List<Value>();
        foreach (var group in rows.GroupBy(r => r.Kind))
        {
            // The largest, a typical and the smallest of each kind (all of them would make the table unreadable).
            var plain = new List<string>();
            foreach (var row in group)
            {
                plain.Add(await protector.UnprotectAsync(row.Subject, row.Stored, CancellationToken.None)
                    ?? throw new InvalidOperationException($"A {row.Kind} of {folder} does not decrypt with its master key."));
            }

            var bySize = plain.OrderBy(p => p.Length).ToList();
            foreach (var (which, text) in new[] { ("min", bySize[0]), ("median", bySize[bySize.Count / 2]), ("max", bySize[^1]) })
            {
                values.Add(new Value($"run: {group.Key} {which}", text, EveryTurn: group.Key == "state row", Kept: false));
            }
        }

        SqliteConnection.ClearAllPools();
        return values;
    }
}
