using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SecondOpinionBot.Bench.Load;

/// <summary>Which bot a host process runs.</summary>
public enum HostKind
{
    /// <summary>The SDK's echo bot as Microsoft's 02.echo-bot sample builds it (bench/SdkEchoBot).</summary>
    SdkEcho,

    /// <summary>Our host with an echo bot that reads and writes conversation state once per turn.</summary>
    OurEcho,

    /// <summary>Our host, our bot: the whole patient journey.</summary>
    Journey,
}

/// <summary>
/// One bot host as a separate process, started from its Release build output with `dotnet`, Kestrel on a free
/// loopback port. Its CPU time and peak working set are read from /proc; ours also answer the probe's /bench/* calls.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private HostProcess(HostKind kind, Process process, Uri baseAddress, string directory)
    {
        Kind = kind;
        _process = process;
        BaseAddress = baseAddress;
        _directory = directory;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HostKind Kind { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    /// <summary>The host's temporary folder: its database, master key and console log.</summary>
    public string Directory => _directory;

    /// <summary>The SQLite file of our hosts (null for the SDK sample, which stores nothing).</summary>
    public string? DatabasePath => Kind == HostKind.SdkEcho ? null : Path.Combine(_directory, "bot.db");

    public static string Label(HostKind kind) => kind switch
    {
        HostKind.SdkEcho => "SDK echo sample",
        HostKind.OurEcho => "our host, echo",
        _ => "our host, journey",
    };

    /// <summary>With --postgres: the host's database, its own schema as the search path (<see cref="PostgresSchemas"/>).</summary>
    public string? Postgres { get; private init; }

    public static async Task<HostProcess> StartAsync(HostKind kind, string tenantId, IReadOnlyDictionary<string, string>? extraSettings = null, string? postgres = null)
    {
        var port = FreePort();
        var directory = Path.Combine(Path.GetTempPath(), "so-load", $"{kind}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var dll = kind == HostKind.SdkEcho ? BuildOutput.SdkEchoDll : BuildOutput.HostDll;
        // Console output goes straight to a file (sh then execs dotnet, so the process is the host itself): a log
        // collector drains a production host's console; a pipe read by this busy process could hold a chatty host back.
        var logPath = Path.Combine(directory, "host.log");
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" --urls \"$1\" > \"$2\" 2>&1");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add(logPath);
        // Production would refuse local mode (no Bot Framework credentials) by design; Staging is Production's
        // settings otherwise (no developer exception page, no DI scope validation, appsettings.json only).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        if (kind != HostKind.SdkEcho)
        {
            start.Environment["DOTNET_STARTUP_HOOKS"] = BuildOutput.ProbeDll;
            start.Environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = Path.GetFileNameWithoutExtension(BuildOutput.ProbeDll);
            start.Environment["SO_BENCH_BOT"] = kind == HostKind.OurEcho ? "echo" : "";
            start.Environment["Storage__SqlitePath"] = Path.Combine(directory, "bot.db");
            start.Environment["Handoff__TenantId"] = tenantId;
            foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var host = new HostProcess(kind, process, new Uri($"http://127.0.0.1:{port}/"), directory) { Postgres = postgres };
        try
        {
            await host.WaitUntilHealthyAsync();
        }
        catch
        {
            // A host that never became healthy (or timed out) is still a running process: end it, not just the run.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    public string LogPath => Path.Combine(_directory, "host.log");

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Label(Kind)} exited at startup (code {_process.ExitCode}); see {LogPath}.");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Label(Kind)} did not become healthy in 60 s; see {LogPath}.");
    }

    /// <summary>User plus system CPU time of the host process so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // /proc/<pid>/stat fields 14 and 15 (utime, stime) in clock ticks; the name field may hold spaces.
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    /// <summary>Resident set now and its peak since the last <see cref="ResetPeakWorkingSet"/>, in bytes.</summary>
    public (long Current, long Peak) WorkingSet
    {
        get
        {
            long current = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    current = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) * 1024;
                }
            }

            return (current, peak);
        }
    }

    /// <summary>Resets the kernel's peak-RSS mark (clear_refs 5) so the next peak is this phase's.</summary>
    public void ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
        }
        catch (IOException)
        {
            // Not permitted here: the peak is since process start.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Live managed heap after a full blocking GC in the host (probe).</summary>
    public async Task<long> LiveHeapBytesAsync()
    {
        var json = await Client.GetFromJsonAsync<JsonObject>(new Uri("bench/heap", UriKind.Relative));
        return json!["liveHeapBytes"]!.GetValue<long>();
    }

    /// <summary>Time the host's JIT has spent so far (tier-up rejits included), from the probe.</summary>
    public async Task<TimeSpan> JitTimeAsync()
    {
        var json = await Client.GetFromJsonAsync<JsonObject>(new Uri("bench/jit", UriKind.Relative));
        return TimeSpan.FromMilliseconds(json!["compilationMilliseconds"]!.GetValue<double>());
    }

    /// <summary>The host's own emergency check timed on <paramref name="count"/> messages inside the host (probe), in µs.</summary>
    public async Task<double[]> EmergencyMicrosAsync(int count)
    {
        var json = await Client.GetFromJsonAsync<JsonObject>(new Uri($"bench/emergency?n={count}", UriKind.Relative));
        return json!["micros"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
    }

    /// <summary>The turn lease acquired and released <paramref name="count"/> times inside the host (probe), in µs.</summary>
    public async Task<double[]> LeaseMicrosAsync(int count)
    {
        var json = await Client.GetFromJsonAsync<JsonObject>(new Uri($"bench/lease?n={count}", UriKind.Relative));
        return json!["micros"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Deletes the host's temporary folder (database and log) once the run has been reported.</summary>
    public void DeleteFiles()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Where the builds of the hosts are: next to this benchmark's own configuration (Release for real figures).</summary>
public static class BuildOutput
{
    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string Configuration = Metadata("Configuration");

    public static string HostDll => Existing(Path.Combine(RepoRoot, "src", "SecondOpinionBot", "bin", Configuration, "net10.0", "SecondOpinionBot.dll"));

    public static string SdkEchoDll => Existing(Path.Combine(RepoRoot, "bench", "SdkEchoBot", "bin", Configuration, "net10.0", "SdkEchoBot.dll"));

    public static string ProbeDll => Existing(Path.Combine(RepoRoot, "bench", "SecondOpinionBot.Bench.HostProbe", "bin", Configuration, "net10.0", "SecondOpinionBot.Bench.HostProbe.dll"));

    public static string BuildConfiguration => Configuration;

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"Build output missing: {path}. Build the benchmark first (dotnet build -c {Configuration}).", path);

    private static string Metadata(string key) =>
        typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"Assembly metadata {key} missing from the benchmark build.");
}
