using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Bot.Builder;
using SecondOpinionBot.Dialogs;
using SecondOpinionBot.Dialogs.State;
using SecondOpinionBot.Handoff;
using SecondOpinionBot.Intake;
using SecondOpinionBot.Storage;

namespace SecondOpinionBot.Bench;

/// <summary>
/// SqliteBotStorage (temp file, WAL, as the host registers it) against the SDK's MemoryStorage: one op is what a turn
/// does to state, a batch write of the conversation document (dialog stack) and the user document (intake draft),
/// then a read of both back. 50 conversations in rotation. Our side goes the way the bot's state does (the engine's
/// state documents, <see cref="IStateStorage"/>: encrypted, compressed, one transaction); the baseline the SDK's way.
/// </summary>
public static class StorageBench
{
    private const int Warmup = 200;
    private const int Ops = 2_000;
    private const int Conversations = 50;

    public static async Task<(Sample Write, Sample Read, Sample BaselineWrite, Sample BaselineRead)> RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "so-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // Development, as the turn bench: outside Production a throwaway master key is made beside the database.
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development });
            builder.Configuration["Storage:SqlitePath"] = Path.Combine(directory, "bench.db");
            builder.AddBotStorage();
            await using var app = builder.Build();
            var sqlite = app.Services.GetRequiredService<IStateStorage>();

            var memory = new MemoryStorage();
            var baseline = await MeasureAsync("memory", StateDocuments, (d, _) => memory.WriteAsync(d, CancellationToken.None), async k => (await memory.ReadAsync([.. k], CancellationToken.None)).Count);
            var subject = await MeasureAsync("sqlite", AsDocuments, (_, d) => sqlite.WriteAsync(d, CancellationToken.None), async k => (await sqlite.ReadAsync(k, CancellationToken.None)).Count);
            return (subject.Write, subject.Read, baseline.Write, baseline.Read);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Size of one op's documents as storage writes them (JSON text).</summary>
    public static int DocumentBytes() => StateDocuments(0).Values
        .Sum(v => Newtonsoft.Json.Linq.JObject.FromObject(v).ToString(Newtonsoft.Json.Formatting.None).Length);

    /// <summary>The same op as state documents, the way the bot's state writes them (values nested).</summary>
    private static Dictionary<string, object> AsDocuments(int conversation) => StateDocuments(conversation)
        .ToDictionary(d => d.Key, d => (object)StateDocument.Parse(d.Key, System.Text.Json.JsonSerializer.Serialize(
            ((Dictionary<string, object>)d.Value).ToDictionary(v => v.Key, v => JsonNode.Parse((string)v.Value)))));

    private static async Task<(Sample Write, Sample Read)> MeasureAsync(
        string name,
        Func<int, Dictionary<string, object>> documentsOf,
        Func<Dictionary<string, object>, IReadOnlyList<StateDocument>, Task> writeAsync,
        Func<IReadOnlyList<string>, Task<int>> readAsync)
    {
        var documents = Enumerable.Range(0, Conversations).Select(documentsOf).ToArray();
        var asState = documents.Select(d => d.Values.OfType<StateDocument>().ToArray()).ToArray();
        var keys = documents.Select(d => d.Keys.ToArray()).ToArray();
        for (var i = 0; i < Warmup; i++)
        {
            await writeAsync(documents[i % Conversations], asState[i % Conversations]);
            await readAsync(keys[i % Conversations]);
        }

        var write = new Sample(name + " write");
        var read = new Sample(name + " read");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Ops; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await writeAsync(documents[i % Conversations], asState[i % Conversations]);
            write.Add(start);

            start = Stopwatch.GetTimestamp();
            var found = await readAsync(keys[i % Conversations]);
            read.Add(start);
            if (found != 2)
            {
                throw new InvalidOperationException($"{name}: a written state document did not read back.");
            }
        }

        // Allocations of a write+read pair, kept on the write sample (per op).
        write.AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (write, read);
    }

    /// <summary>
    /// A conversation part-way through the journey, shaped the way the SDK hands state to storage: each BotState's
    /// property bag, whose values are the System.Text.Json text the dialog engine keeps.
    /// </summary>
    internal static Dictionary<string, object> StateDocuments(int conversation)
    {
        var stack = new DialogStack
        {
            FlowVersion = "3f9a1c2e",
            Revision = 14,
            Frames =
            {
                new DialogFrame
                {
                    DialogId = "intake",
                    Version = "7",
                    Step = 5,
                    Values = new JsonObject { ["started"] = "2026-11-24T10:00:00-06:00", ["resumed"] = false },
                    Inner =
                    {
                        new DialogFrame
                        {
                            DialogId = "questions",
                            Step = 2,
                            Attempts = 1,
                            Options = new JsonObject { ["prompt"] = "questions.pick", ["choices"] = new JsonArray("q-options", "q-risks", "q-wait", "q-records") },
                            Values = new JsonObject { ["picked"] = new JsonArray("q-options", "q-risks") },
                        },
                    },
                },
            },
        };
        var draft = PartWayDraft();
        return new Dictionary<string, object>
        {
            [$"msteams/conversations/bench-{conversation}"] = new Dictionary<string, object>
            {
                ["DialogStack"] = JsonSerializer.Serialize(stack, DialogJson.Options),
            },
            [$"msteams/users/patient-{conversation}"] = new Dictionary<string, object>
            {
                [IntakeDraft.StatePropertyName] = JsonSerializer.Serialize(draft, DialogJson.Options),
            },
        };
    }

    /// <summary>An intake draft part-way through the journey (at the questions).</summary>
    internal static IntakeDraft PartWayDraft() => new()
    {
        ConsentToStore = true,
        Role = ChatRole.Caregiver,
        PatientFirstName = "Maria",
        Relationship = "daughter",
        PatientAgrees = true,
        Concern = "My mother was told she needs surgery on her spine and we are not sure it is the only option.",
        Proposed = "Spinal fusion surgery",
        PlannedDate = new DateOnly(2026, 12, 14),
        Situations = ["procedure-planned", "surgery"],
        CurrentClinic = "Riverside Orthopedics",
        Reasons = ["major-procedure", "unsure-options"],
        Questions = ["q-options", "q-risks", "q-wait"],
        Records = new() { ["imaging"] = RecordStatus.Have, ["notes"] = RecordStatus.NeedHelp, ["pathology"] = RecordStatus.NotApplicable },
        Needs = ["transport"],
        ContactMethods = ["phone"],
        LastStep = "questions",
        CompletedSections = ["consent", "role", "situation", "reasons"],
        Revision = 9,
    };
}
